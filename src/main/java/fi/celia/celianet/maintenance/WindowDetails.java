package fi.celia.celianet.maintenance;

import java.time.Instant;
import java.util.Set;

/**
 * What an administrator enters for a window. Texts are keyed by language ({@code fi}, {@code sv}, {@code en});
 * Swedish and English fall back to Finnish when blank.
 */
public record WindowDetails(
        Instant startsAt,
        Instant endsAt,
        Instant announceFrom,
        String titleFi,
        String titleSv,
        String titleEn,
        String messageFi,
        String messageSv,
        String messageEn,
        Set<ClosableService> services,
        Set<ContactChannel> openChannels) {}
