package fi.celia.celianet.staff;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.GenericFilterBean;

/**
 * A form post the container cannot read (larger than {@code server.tomcat.max-http-form-post-size}, or malformed)
 * is answered here, inside the security chain just after its header writer: 413 or 400 with Celianet's error page
 * and every security header, and no stack trace in the log. The error page itself is rendered with no parameters,
 * since asking the container for them again would fail again and leave the container's own page.
 */
final class RefusedFormFilter extends GenericFilterBean {

    private static final String REFUSED = RefusedFormFilter.class.getName() + ".REFUSED";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getAttribute(REFUSED) != null) {
            chain.doFilter(new WithoutParameters(request), res);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && isFormPost(request)) {
            try {
                request.getParameterMap();
            } catch (InvalidParameterException unreadable) {
                int status =
                        unreadable.getErrorCode() > 0 ? unreadable.getErrorCode() : HttpServletResponse.SC_BAD_REQUEST;
                logger.debug("Refused a form post: " + unreadable.getMessage());
                request.setAttribute(REFUSED, Boolean.TRUE);
                ((HttpServletResponse) res).sendError(status);
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private static boolean isFormPost(HttpServletRequest request) {
        String type = request.getContentType();
        return HttpMethod.POST.matches(request.getMethod())
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
