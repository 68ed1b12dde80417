package fi.celia.celianet.patrons.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name query as the search reads it: the words, lower-cased and without accents as {@code search_name} holds
 * them, as two {@code LIKE} patterns (the words in the order typed, and with the first word moved last, so that
 * "Virtanen Aino" finds Aino Virtanen), and the birth dates an identity code's date part among the words stands
 * for ({@code 131052 Virtanen}).
 *
 * @param birthDates null when no word is a date part; otherwise the dates it may mean (without a century sign: in
 *     any century of the identity code, not after today), empty when it is no date at all
 */
record NameQuery(String inOrder, String firstWordLast, List<LocalDate> birthDates) {

    private static final Pattern DATE_PART = Pattern.compile("([0-9]{2})([0-9]{2})([0-9]{2})([-+a-fu-y]?)");

    static NameQuery of(String query, LocalDate today) {
        List<String> words = new ArrayList<>(List.of(Patron.searchName(query).split(" ")));
        List<LocalDate> dates = null;
        if (words.size() > 1) {
            for (int i = 0; i < words.size(); i++) {
                Matcher date = DATE_PART.matcher(words.get(i));
                if (date.matches()) {
                    dates = dates(date, today);
                    words.remove(i);
                    break;
                }
            }
        }
        List<String> rotated = new ArrayList<>(words.subList(1, words.size()));
        rotated.add(words.get(0));
        return new NameQuery(pattern(words), pattern(rotated), dates);
    }

    private static List<LocalDate> dates(Matcher date, LocalDate today) {
        int day = Integer.parseInt(date.group(1));
        int month = Integer.parseInt(date.group(2));
        int year = Integer.parseInt(date.group(3));
        String sign = date.group(4);
        List<Integer> centuries = sign.isEmpty()
                ? List.of(2000, 1900, 1800)
                : List.of(sign.equals("+") ? 1800 : "abcdef".contains(sign) ? 2000 : 1900);
        List<LocalDate> dates = new ArrayList<>();
        for (int century : centuries) {
            try {
                LocalDate candidate = LocalDate.of(century + year, month, day);
                if (!candidate.isAfter(today)) {
                    dates.add(candidate);
                }
            } catch (DateTimeException noSuchDate) {
                // 31 April, 29 February of a common year: not a date anyone was born on
            }
        }
        return dates;
    }

    private static String pattern(List<String> words) {
        StringBuilder pattern = new StringBuilder("%");
        for (String word : words) {
            pattern.append(word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                    .append('%');
        }
        return pattern.toString();
    }
}
