package fi.celia.celianet.faults;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Jepsen-style bookkeeping for one fault run: what was attempted, what was acknowledged (303), what the
 * database holds afterwards and which mails were delivered.
 */
final class Accounting {

    final Set<String> attempted = ConcurrentHashMap.newKeySet();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Map<Integer, Integer> failures = new ConcurrentHashMap<>();

    void failed(int status) {
        failures.merge(status, 1, Integer::sum);
    }

    Report report(List<String> foundInDatabase, Collection<String> mailedTo) {
        Set<String> found = new HashSet<>(foundInDatabase);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(found);
        Set<String> unexpected = new HashSet<>(found);
        unexpected.removeAll(attempted);
        Map<String, Long> counted =
                foundInDatabase.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long duplicates = counted.values().stream()
                .filter(c -> c > 1)
                .mapToLong(c -> c - 1)
                .sum();
        Map<String, Long> mails =
                mailedTo.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long duplicateMails =
                mails.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        return new Report(
                attempted.size(),
                acknowledged.size(),
                found.size(),
                mails.size(),
                lost.size(),
                unexpected.size(),
                duplicates,
                duplicateMails,
                Map.copyOf(failures));
    }

    record Report(
            int attempted,
            int acknowledged,
            int found,
            int mailed,
            int lost,
            int unexpected,
            long duplicates,
            long duplicateMails,
            Map<Integer, Integer> failuresByStatus) {

        @Override
        public String toString() {
            return "attempted=%d acknowledged=%d found=%d mailed=%d | lost=%d unexpected=%d duplicates=%d duplicate-mails=%d | failures by status %s"
                    .formatted(
                            attempted,
                            acknowledged,
                            found,
                            mailed,
                            lost,
                            unexpected,
                            duplicates,
                            duplicateMails,
                            failuresByStatus);
        }
    }
}
