package fi.celia.celianet.patrons;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads printed credentials letters as a person would: their text, and the codes and patron numbers in it. */
public final class LetterPdfs {

    public static final Pattern CODE =
            Pattern.compile("[ACDEFHJKMNPQRTWXY34679]{5}-[ACDEFHJKMNPQRTWXY34679]{5}-[ACDEFHJKMNPQRTWXY34679]{5}");
    private static final Pattern NUMBER = Pattern.compile("C[0-9]{7}");

    private LetterPdfs() {}

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    public static List<String> codes(String text) {
        return all(CODE.matcher(text));
    }

    public static List<String> patronNumbers(String text) {
        return all(NUMBER.matcher(text)).stream().distinct().toList();
    }

    private static List<String> all(Matcher matcher) {
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
