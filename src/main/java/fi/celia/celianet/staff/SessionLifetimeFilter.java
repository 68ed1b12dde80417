package fi.celia.celianet.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session older than {@link SessionLifetime} however active it has been, and sends the user to the sign-in
 * page. The age is this request's access time less the session's creation time, both as Spring Session stamps
 * them (with the system clock, which also decides the idle timeout).
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

    private final SessionLifetime lifetime;

    SessionLifetimeFilter(SessionLifetime lifetime) {
        this.lifetime = lifetime;
    }

    /** Stylesheets, scripts, images and fonts are served without reading the session, as before. */
    private static final List<String> STATIC = List.of("/css/", "/js/", "/images/", "/fonts/", "/webjars/");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC.stream().anyMatch(path::startsWith) || "/favicon.ico".equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && tooOld(session)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean tooOld(HttpSession session) {
        try {
            Duration age = Duration.ofMillis(session.getLastAccessedTime() - session.getCreationTime());
            return age.compareTo(lifetime.maximum()) > 0;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }
}
