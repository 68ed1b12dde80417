package fi.celia.celianet.faults;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Jepsen-style bookkeeping for a scheduled job on two instances, one key per effect (a member on a frozen list, a
 * recipient's mail): what the job was given to do (attempted), what the application records as done
 * (acknowledged: members counted on frozen lists, mails marked sent), the rows the database holds (found) and the mails the SMTP server took (delivered). Lost is
 * attempted but not found or, for a job that mails, not delivered; unexpected is found or delivered but never
 * attempted; duplicates are rows or mails beyond the first for one key.
 */
record JobEffects(
        int attempted,
        int acknowledged,
        int found,
        int delivered,
        int lost,
        int unexpected,
        long duplicates,
        long duplicateMails,
        boolean mails) {

    static JobEffects of(
            Set<String> attempted,
            int acknowledged,
            Collection<String> found,
            Collection<String> delivered,
            boolean mails) {
        Set<String> foundOnce = new HashSet<>(found);
        Set<String> deliveredOnce = new HashSet<>(delivered);
        Set<String> lost = new HashSet<>(attempted);
        lost.removeIf(key -> foundOnce.contains(key) && (!mails || deliveredOnce.contains(key)));
        Set<String> unexpected = new HashSet<>(foundOnce);
        unexpected.addAll(deliveredOnce);
        unexpected.removeAll(attempted);
        return new JobEffects(
                attempted.size(),
                acknowledged,
                foundOnce.size(),
                deliveredOnce.size(),
                lost.size(),
                unexpected.size(),
                beyondFirst(found),
                beyondFirst(delivered),
                mails);
    }

    private static long beyondFirst(Collection<String> keys) {
        Map<String, Long> counted =
                keys.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counted.values().stream().mapToLong(n -> n - 1).sum();
    }

    @Override
    public String toString() {
        return mails
                ? "attempted=%d acknowledged=%d found=%d delivered=%d | lost=%d unexpected=%d duplicates=%d duplicate-mails=%d"
                        .formatted(
                                attempted, acknowledged, found, delivered, lost, unexpected, duplicates, duplicateMails)
                : "attempted=%d acknowledged=%d found=%d | lost=%d unexpected=%d duplicates=%d"
                        .formatted(attempted, acknowledged, found, lost, unexpected, duplicates);
    }
}
