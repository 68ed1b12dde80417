package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.maintenance.ServiceNotices;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns a notice's plain text into paragraphs of text and {@code https://} links, for templates
 * ({@code ${@noticeText.paragraphs(text)}}). Nothing in the text is ever markup: pieces are written with
 * {@code th:text}, and only well-formed https links become anchors.
 */
@Component("noticeText")
class NoticeText {

    private static final Pattern LINK = Pattern.compile("https://[^\\s<>\"']+");
    private static final Pattern PARAGRAPH = Pattern.compile("\\R\\s*\\R");

    public List<List<Piece>> paragraphs(String text) {
        List<List<Piece>> paragraphs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return paragraphs;
        }
        for (String paragraph : PARAGRAPH.splitAsStream(text.strip()).toList()) {
            paragraphs.add(pieces(paragraph.strip()));
        }
        return paragraphs;
    }

    static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            String link = m.group();
            // Trailing punctuation belongs to the sentence, not the link.
            String trimmed = link.replaceAll("[.,;:!?)]+$", "");
            int end = m.start() + trimmed.length();
            if (!ServiceNotices.isHttpsLink(trimmed)) {
                continue;
            }
            if (m.start() > at) {
                pieces.add(new Piece(text.substring(at, m.start()), null));
            }
            pieces.add(new Piece(trimmed, trimmed));
            at = end;
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), null));
        }
        return pieces;
    }

    public record Piece(String text, String href) {}
}
