package fi.celia.celianet.maintenance.internal;

import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.shared.CelianetProperties;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The contact channels a window leaves open, named with their address or number from
 * {@code celianet.service-channels}: {@code ${@serviceChannels.describe(channel, #locale)}} in pages, and the
 * same words in announcement mails.
 */
@Component("serviceChannels")
public class ServiceChannels {

    private final CelianetProperties.ServiceChannels addresses;
    private final MessageSource messages;

    ServiceChannels(CelianetProperties properties, MessageSource messages) {
        this.addresses = properties.serviceChannels() == null
                ? new CelianetProperties.ServiceChannels(null, null, null)
                : properties.serviceChannels();
        this.messages = messages;
    }

    /** The channel's address or number; empty when none is configured. */
    public String address(ContactChannel channel) {
        String address =
                switch (channel) {
                    case EMAIL -> addresses.email();
                    case PHONE -> addresses.phone();
                    case CHAT -> addresses.chat();
                };
        return address == null ? "" : address.strip();
    }

    /** E.g. "sähköposti asiakaspalvelu@celia.fi"; the channel's name alone when it has no address. */
    public String describe(ContactChannel channel, Locale locale) {
        String address = address(channel);
        return address.isEmpty()
                ? messages.getMessage("maintenance.channel." + channel, null, locale)
                : messages.getMessage("maintenance.channel.at." + channel, new Object[] {address}, locale);
    }

    /** The channels described and joined: "sähköposti …, puhelin …". */
    public String describe(Collection<ContactChannel> channels, Locale locale) {
        return channels.stream().map(c -> describe(c, locale)).collect(Collectors.joining(", "));
    }
}
