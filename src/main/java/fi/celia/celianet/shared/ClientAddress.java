package fi.celia.celianet.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The one place every throttle takes the client's address from: the request's remote address, as it stands after
 * Spring Boot's forwarded-header handling ({@code server.forward-headers-strategy} and the trusted proxies of the
 * servlet container). A change to which proxies are trusted reaches every throttle through here.
 */
@Component
public class ClientAddress {

    /** The client's address, never null (an empty string when the container knows none). */
    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "" : address;
    }
}
