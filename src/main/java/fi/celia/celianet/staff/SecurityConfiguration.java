package fi.celia.celianet.staff;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.shared.ClientAddress;
import fi.celia.celianet.staff.internal.AuthenticatorApps;
import fi.celia.celianet.staff.internal.PasskeyConfiguration;
import fi.celia.celianet.staff.internal.PasskeyConfiguration.PasskeyOutcomes;
import fi.celia.celianet.staff.internal.RecoveryCodes;
import fi.celia.celianet.staff.internal.SignInThrottle;
import fi.celia.celianet.staff.internal.SignInThrottle.Refusal;
import fi.celia.celianet.staff.internal.StaffAccountRepository;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter.Directive;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.annotation.Transactional;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
// Multi-factor mode for the sign-in filters (a second factor adds to the password's sign-in of the same account);
// no factor is required of every rule: SecondFactorRule asks it of the roles that must give one.
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

    /** Where a signed-in user who still owes a second factor is sent; the request is saved for after it. */
    private static final RequestCache REQUESTS = new HttpSessionRequestCache();

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    /**
     * No page uses the camera, microphone, location, payments or devices, so no page (nor anything it embeds) may
     * ask for them; security keys (WebAuthn) stay allowed for Celianet's own pages.
     */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), bluetooth=(), camera=(), "
            + "display-capture=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), "
            + "microphone=(), midi=(), payment=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), "
            + "publickey-credentials-get=(self), publickey-credentials-create=(self)";

    private static final String[] PUBLIC = {
        "/login",
        "/password/forgot",
        "/password/set/**",
        "/password/done",
        "/account/**",
        "/activate",
        "/activate/**",
        "/join",
        "/join/**",
        "/notices",
        "/css/**",
        "/js/**",
        "/images/**",
        "/fonts/**",
        "/webjars/**",
        "/favicon.ico",
        "/actuator/health",
        "/actuator/health/**",
        "/error"
    };

    /**
     * {@code /api/status} is public, read-only and polled by reader apps: it gets a chain of its own with no
     * session, no CSRF token and no saved request, so a poll never reads or writes the session table.
     */
    @Bean
    @Order(1)
    SecurityFilterChain statusApiFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/status")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * Every rule but "permit all" also asks a second factor of the roles in {@link SecondFactorRoles}; the role
     * hierarchy as before.
     */
    @Bean
    static AuthorizationManagerFactory<Object> authorizationManagerFactory(
            RoleHierarchy roleHierarchy, SecondFactorRoles secondFactorRoles) {
        var factory = new DefaultAuthorizationManagerFactory<Object>();
        factory.setRoleHierarchy(roleHierarchy);
        factory.setAdditionalAuthorization(new SecondFactorRule(secondFactorRoles));
        return factory;
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AuditLog audit,
            AuthenticationManager authenticationManager,
            ClientAddress clientAddress,
            AuthenticatorApps apps,
            RecoveryCodes recoveryCodes,
            SignInThrottle throttle,
            StaffAccountRepository accounts,
            PasswordEncoder encoder,
            SessionLifetime sessionLifetime,
            WebAuthnRelyingPartyOperations relyingParty)
            throws Exception {
        UserDetailsService users = staffUserDetails(accounts, encoder);
        // webAuthn() loads the passkey's account through it
        http.setSharedObject(UserDetailsService.class, users);
        var secondFactor = new SecondFactorFilter(
                new ProviderManager(
                        new TotpAuthenticationProvider(apps, throttle, audit),
                        new RecoveryCodeAuthenticationProvider(recoveryCodes, throttle, audit)),
                clientAddress);
        secondFactor.setAuthenticationSuccessHandler(secondFactorSuccessHandler());
        secondFactor.setAuthenticationFailureHandler(secondFactorFailureHandler(audit));
        http.authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(SecondFactorFilter.PATH, SecondFactorFilter.PATH + "/**", "/sign-in/enrol/**")
                        .access(SecondFactorRule.passwordSignIn())
                        .requestMatchers("/webauthn/register", "/webauthn/register/**")
                        .access(SecondFactorRule.enrolling())
                        .requestMatchers("/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/organisation/staff/**")
                        .hasRole("MAIN_USER")
                        .anyRequest()
                        .authenticated())
                .authenticationManager(authenticationManager)
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        // the address the throttle counts by: ClientAddress, as every throttle takes it
                        .authenticationDetailsSource(
                                request -> new WebAuthenticationDetails(clientAddress.of(request), null))
                        .successHandler(successHandler(audit, clientAddress))
                        .failureHandler(failureHandler(audit, clientAddress))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("CELIANET_SESSION")
                        // the browser drops what it kept of the signed-in pages (sent over HTTPS only)
                        .addLogoutHandler(new HeaderWriterLogoutHandler(
                                new ClearSiteDataHeaderWriter(Directive.CACHE, Directive.COOKIES, Directive.STORAGE))))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(signInPage())
                        .accessDeniedHandler(accessDeniedHandler(audit)))
                .headers(SecurityConfiguration::headers)
                // a passkey: the second factor of the account signed in with its password, never a sign-in alone
                .webAuthn(PasskeyConfiguration.staffPasskeys(users, relyingParty, passkeyAudit(audit)))
                .addFilterAfter(secondFactor, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new RefusedFormFilter(), HeaderWriterFilter.class)
                // a session ends after its maximum lifetime however active (the idle timeout is Spring Session's)
                .addFilterAfter(new SessionLifetimeFilter(sessionLifetime), HeaderWriterFilter.class);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN));
    }

    /**
     * Sends a signed-out request to the sign-in page with a relative {@code Location}: nothing of the request's
     * {@code Host} header goes back in an answer.
     */
    private static LoginUrlAuthenticationEntryPoint signInPage() {
        var entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * A request the firewall turns away (an encoded dot or slash, a semicolon in the path...) never reaches a
     * filter chain, so the chain's header writer is run around the 400 here: the error page it leads to carries
     * the same headers as every other answer.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(SecurityFilterChain securityFilterChain) {
        HeaderWriterFilter headerWriter = securityFilterChain.getFilters().stream()
                .filter(HeaderWriterFilter.class::isInstance)
                .map(HeaderWriterFilter.class::cast)
                .findFirst()
                .orElseThrow();
        return (request, response, rejected) ->
                headerWriter.doFilter(request, response, (req, res) -> ((HttpServletResponse) res)
                        .sendError(HttpServletResponse.SC_BAD_REQUEST));
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(
                """
                ROLE_ADMIN > ROLE_STAFF
                ROLE_MAIN_USER > ROLE_REGISTRAR
                """);
    }

    /** Spring Session's JDBC repository takes its session ids from this bean: 256 random bits each. */
    @Bean
    static SessionIdGenerator sessionIdGenerator() {
        return new RandomSessionIds();
    }

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionCustomizer() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * The one authentication manager, with no parent: a failure is counted once and no other provider
     * gets a second try at the password.
     */
    @Bean
    AuthenticationManager authenticationManager(
            StaffAccountRepository accounts, PasswordEncoder encoder, SignInThrottle lockout) {
        return new ProviderManager(lockoutAwareProvider(staffUserDetails(accounts, encoder), encoder, lockout));
    }

    static UserDetailsService staffUserDetails(StaffAccountRepository accounts, PasswordEncoder encoder) {
        // An account without a password (invited, not yet set) gets a hash nothing matches, so it cannot
        // sign in and takes as long to refuse as any other.
        String unmatchable = encoder.encode(UUID.randomUUID().toString());
        return new UserDetailsService() {
            @Override
            @Transactional(readOnly = true)
            public StaffPrincipal loadUserByUsername(String username) {
                StaffAccount account = accounts.findByUsername(StaffAccounts.normalise(username))
                        .orElseThrow(() -> new UsernameNotFoundException("unknown"));
                return new StaffPrincipal(
                        account.getId(),
                        account.getUsername(),
                        account.getDisplayName(),
                        account.getRole(),
                        account.getOrganisationId(),
                        account.getLanguage(),
                        account.hasPassword() ? account.getPasswordHash() : unmatchable,
                        account.isActive());
            }
        };
    }

    /** A patron number as patrons write it: C and seven digits, any case, spaces around it ignored. */
    static final Pattern PATRON_NUMBER = Pattern.compile("\\s*[Cc]\\d{7}\\s*");

    /**
     * A patron number typed as the user name: patrons never sign in to Celianet, so the page says where they do.
     * Thrown before the lockout and the password are looked at, so it is neither counted nor tells anything about
     * any account.
     */
    static final class PatronNumberException extends AuthenticationException {
        private static final long serialVersionUID = 1L;

        PatronNumberException() {
            super("patron number");
        }
    }

    /** A sign-in refused by the throttle before its password was looked at, or by the failure that reached it. */
    static final class ThrottledException extends LockedException {
        private static final long serialVersionUID = 1L;

        private final Refusal refusal;
        private final String address;

        ThrottledException(Refusal refusal, String address) {
            super("throttled");
            this.refusal = refusal;
            this.address = address;
        }

        Refusal refusal() {
            return refusal;
        }

        String address() {
            return address;
        }
    }

    /**
     * Turns a patron number away first; checks the throttle (by name and client address, and by address alone)
     * before the password, and counts every failure (unknown names included) after it.
     */
    static AuthenticationProvider lockoutAwareProvider(
            UserDetailsService users, PasswordEncoder encoder, SignInThrottle lockout) {
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String name = String.valueOf(authentication.getName());
                if (PATRON_NUMBER.matcher(name).matches()) {
                    throw new PatronNumberException();
                }
                String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                                && details.getRemoteAddress() != null
                        ? details.getRemoteAddress()
                        : "";
                Refusal refusal = lockout.check(name, address);
                if (refusal != Refusal.NONE) {
                    lockout.recordFailure(name, address);
                    throw new ThrottledException(refusal, address);
                }
                try {
                    Authentication result = dao.authenticate(authentication);
                    lockout.clear(name, address);
                    StaffPrincipal principal = ((StaffPrincipal) result.getPrincipal()).withoutPassword();
                    // the role and the password factor's authority (FACTOR_PASSWORD, with its time)
                    var token =
                            UsernamePasswordAuthenticationToken.authenticated(principal, null, result.getAuthorities());
                    token.setDetails(result.getDetails());
                    return token;
                } catch (AuthenticationException e) {
                    Refusal now = lockout.recordFailure(name, address);
                    if (now != Refusal.NONE) {
                        ThrottledException throttled = new ThrottledException(now, address);
                        throttled.initCause(e);
                        throw throttled;
                    }
                    throw new BadCredentialsException("bad credentials", e);
                }
            }

            @Override
            public boolean supports(Class<?> type) {
                return dao.supports(type);
            }
        };
    }

    /**
     * Redirects to the path and query alone: a saved request's URL is absolute, built from the request's
     * {@code Host} header, and that header never goes back in an answer.
     */
    static final RedirectStrategy PATH_ONLY_REDIRECTS = (request, response, url) -> {
        String target;
        try {
            URI uri = URI.create(url);
            if (uri.isAbsolute()) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            } else {
                target = request.getContextPath() + url;
            }
        } catch (IllegalArgumentException unparsable) {
            target = request.getContextPath() + "/";
        }
        response.sendRedirect(response.encodeRedirectURL(target));
    };

    /** Back to the page asked for before the sign-in (its path alone), else home. */
    private static SavedRequestAwareAuthenticationSuccessHandler toSavedRequest() {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        handler.setRedirectStrategy(PATH_ONLY_REDIRECTS);
        return handler;
    }

    /** Every throttling event is audited, with the address; never the password or the code. */
    private static void auditThrottled(AuditLog audit, String actor, ThrottledException throttled) {
        audit.record(
                actor,
                throttled.refusal() == Refusal.ADDRESS
                        ? AuditEvent.SIGN_IN_ADDRESS_THROTTLED
                        : AuditEvent.SIGN_IN_THROTTLED,
                "STAFF_ACCOUNT",
                null,
                AuditOutcome.DENIED,
                "address " + throttled.address());
    }

    private static SavedRequestAwareAuthenticationSuccessHandler successHandler(
            AuditLog audit, ClientAddress clientAddress) {
        var delegate = toSavedRequest();
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, ServletException {
                StaffPrincipal principal = (StaffPrincipal) authentication.getPrincipal();
                audit.success(
                        principal.username(),
                        AuditEvent.SIGN_IN,
                        "STAFF_ACCOUNT",
                        principal.id(),
                        "address " + clientAddress.of(request));
                delegate.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static AuthenticationFailureHandler failureHandler(AuditLog audit, ClientAddress clientAddress) {
        return (request, response, exception) -> {
            if (exception instanceof PatronNumberException) {
                response.sendRedirect(request.getContextPath() + "/login?patron");
                return;
            }
            String name = request.getParameter("username");
            String actor = name == null || name.isBlank() ? "anonymous" : StaffAccounts.normalise(name);
            if (exception instanceof ThrottledException throttled) {
                auditThrottled(audit, actor, throttled);
                response.sendRedirect(request.getContextPath() + "/login?locked");
                return;
            }
            audit.record(
                    actor,
                    AuditEvent.SIGN_IN,
                    "STAFF_ACCOUNT",
                    null,
                    AuditOutcome.FAILURE,
                    "address " + clientAddress.of(request));
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    private static PasskeyOutcomes passkeyAudit(AuditLog audit) {
        return new PasskeyOutcomes() {
            @Override
            public void succeeded(StaffPrincipal principal) {
                audit.success(
                        principal.username(), AuditEvent.SECOND_FACTOR, "STAFF_ACCOUNT", principal.id(), "passkey");
            }

            @Override
            public void refused(String actor, String reason) {
                audit.record(
                        actor == null ? "anonymous" : actor,
                        AuditEvent.SECOND_FACTOR,
                        "STAFF_ACCOUNT",
                        null,
                        AuditOutcome.FAILURE,
                        "passkey: " + reason);
            }
        };
    }

    /** After the second factor, back to the page asked for; after a recovery code, first to what to do next. */
    private static SavedRequestAwareAuthenticationSuccessHandler secondFactorSuccessHandler() {
        var delegate = toSavedRequest();
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, ServletException {
                boolean recovered = authentication.getAuthorities().stream()
                        .anyMatch(a -> SecondFactorRule.RECOVERY_CODE_AUTHORITY.equals(a.getAuthority()));
                if (recovered) {
                    response.sendRedirect(request.getContextPath() + SecondFactorFilter.PATH + "/recovered");
                    return;
                }
                delegate.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static AuthenticationFailureHandler secondFactorFailureHandler(AuditLog audit) {
        return (request, response, exception) -> {
            String page = request.getContextPath() + SecondFactorFilter.PATH;
            if (exception instanceof ThrottledException throttled) {
                var principal = request.getUserPrincipal();
                auditThrottled(audit, principal == null ? "anonymous" : principal.getName(), throttled);
                response.sendRedirect(page + "?locked");
            } else if (exception instanceof BadCredentialsException) {
                response.sendRedirect(
                        page + (request.getParameter("recoveryCode") != null ? "?recoveryError" : "?error"));
            } else {
                response.sendRedirect(request.getContextPath() + "/login");
            }
        };
    }

    private static AccessDeniedHandler accessDeniedHandler(AuditLog audit) {
        var delegate = new AccessDeniedHandlerImpl();
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) -> {
            if (denied instanceof AuthorizationDeniedException refused
                    && refused.getAuthorizationResult() instanceof FactorAuthorizationDecision) {
                // signed in with the password; the second factor is still to come
                REQUESTS.saveRequest(request, response);
                response.sendRedirect(request.getContextPath() + SecondFactorFilter.PATH);
                return;
            }
            var principal = request.getUserPrincipal();
            audit.record(
                    principal == null ? "anonymous" : principal.getName(),
                    AuditEvent.ACCESS_DENIED,
                    "PATH",
                    request.getMethod() + " " + request.getRequestURI(),
                    AuditOutcome.DENIED,
                    null);
            delegate.handle(request, response, denied);
        };
    }
}
