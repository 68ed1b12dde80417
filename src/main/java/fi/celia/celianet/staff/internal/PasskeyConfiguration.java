package fi.celia.celianet.staff.internal;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.verifier.AuthenticationObject;
import com.webauthn4j.verifier.OriginVerifier;
import com.webauthn4j.verifier.OriginVerifierImpl;
import com.webauthn4j.verifier.RegistrationObject;
import fi.celia.celianet.staff.StaffPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Passkeys (WebAuthn) as the second sign-in factor of a staff account: the JDBC stores Spring Security's WebAuthn
 * filters find as beans, the relying party, and {@link #staffPasskeys} for {@code http.webAuthn(...)}.
 *
 * <p>A passkey is never a sign-in of its own: it is accepted only from the browser session that has just signed
 * in with the password of the same account ({@link #passkeyAuthenticationManager}), which is what proves that
 * both factors belong to one account.
 */
@Configuration(proxyBeanMethods = false)
public class PasskeyConfiguration {

    /** The relying party's name, shown by the browser and the authenticator when a passkey is made. */
    public static final String RP_NAME = "Celianet";

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(DataSource dataSource) {
        return new JdbcPublicKeyCredentialUserEntityRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    UserCredentialRepository passkeyCredentials(DataSource dataSource) {
        return new JdbcUserCredentialRepository(new JdbcTemplate(dataSource));
    }

    /**
     * Where a registration's options wait for the passkey the browser makes: the session, in a form that survives
     * the session store (Spring's own would break it). {@code http.webAuthn()} takes it as the one bean of its type.
     */
    @Bean
    PublicKeyCredentialCreationOptionsRepository passkeyCreationOptions() {
        return new SessionCreationOptionsRepository();
    }

    /**
     * The relying party: its id, name and the exact origins a passkey may be made or used on. With
     * {@code celianet.security.passkeys.any-localhost-port} (tests only: they serve on a random port, unknown
     * before the context starts) an origin {@code http://localhost:<any port>} is accepted too; every other origin
     * must still be one of the allowed ones.
     */
    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(
            PublicKeyCredentialUserEntityRepository userEntities,
            UserCredentialRepository credentials,
            @Value("${celianet.security.passkeys.rp-id:localhost}") String rpId,
            @Value("${celianet.security.passkeys.allowed-origins:http://localhost:8080}") String allowedOrigins,
            @Value("${celianet.security.passkeys.any-localhost-port:false}") boolean anyLocalhostPort) {
        var operations = new Webauthn4JRelyingPartyOperations(
                userEntities,
                credentials,
                PublicKeyCredentialRpEntity.builder().id(rpId).name(RP_NAME).build(),
                origins(allowedOrigins));
        if (anyLocalhostPort) {
            WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
            OriginVerifier verifier = new LocalhostAnyPortOriginVerifier();
            manager.getRegistrationDataVerifier().setOriginVerifier(verifier);
            manager.getAuthenticationDataVerifier().setOriginVerifier(verifier);
            operations.setWebAuthnManager(manager);
        }
        return operations;
    }

    static Set<String> origins(String commaSeparated) {
        Set<String> origins = Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (origins.isEmpty()) {
            throw new IllegalStateException("celianet.security.passkeys.allowed-origins names no origin");
        }
        return Set.copyOf(origins);
    }

    /**
     * Accepts {@code http://localhost} on any port, and checks every other origin against the allowed ones as
     * webauthn4j does.
     */
    static final class LocalhostAnyPortOriginVerifier implements OriginVerifier {

        private final OriginVerifierImpl strict = new OriginVerifierImpl();

        @Override
        public void verify(RegistrationObject registration) {
            if (!localhost(registration.getCollectedClientData())) {
                strict.verify(registration);
            }
        }

        @Override
        public void verify(AuthenticationObject authentication) {
            if (!localhost(authentication.getCollectedClientData())) {
                strict.verify(authentication);
            }
        }

        private static boolean localhost(CollectedClientData data) {
            Origin origin = data == null ? null : data.getOrigin();
            return origin != null && "http".equals(origin.getScheme()) && "localhost".equals(origin.getHost());
        }
    }

    /** What becomes of a passkey sign-in, for the audit trail. Called before the session is changed. */
    public interface PasskeyOutcomes {

        /** The passkey of the signed-in account was verified; the second factor is done. */
        void succeeded(StaffPrincipal principal);

        /**
         * A passkey was refused: not verified, another account's, or presented without a password sign-in.
         *
         * @param actor the signed-in account's user name, or {@code null} when nobody has signed in with a password
         * @param reason a short reason for the audit trail, never anything of the credential
         */
        void refused(String actor, String reason);

        PasskeyOutcomes NONE = new PasskeyOutcomes() {
            @Override
            public void succeeded(StaffPrincipal principal) {}

            @Override
            public void refused(String actor, String reason) {}
        };
    }

    /**
     * For {@code http.webAuthn(PasskeyConfiguration.staffPasskeys(users, rp, outcomes))}: no default registration
     * page, and the {@code POST /login/webauthn} filter authenticates with {@link #passkeyAuthenticationManager}
     * and merges the result with the password sign-in (multi-factor). The relying party, its stores and its
     * origins come from this class's beans; the user details service is the staff accounts' one.
     */
    public static Customizer<WebAuthnConfigurer<HttpSecurity>> staffPasskeys(
            UserDetailsService users, WebAuthnRelyingPartyOperations relyingParty, PasskeyOutcomes outcomes) {
        AuthenticationManager manager = passkeyAuthenticationManager(relyingParty, users, outcomes);
        return webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(manager);
                        filter.setMfaEnabled(true);
                        return filter;
                    }
                });
    }

    /**
     * Verifies a passkey with Spring's {@link WebAuthnAuthenticationProvider}, then accepts it only as the second
     * factor of the password sign-in held by the security context: that sign-in must be authenticated, carry the
     * password factor, and be of the account the passkey belongs to. The result is a
     * {@link UsernamePasswordAuthenticationToken} whose principal is the account's {@link StaffPrincipal} (without
     * its password hash), with the account's authorities and the WebAuthn factor.
     */
    public static AuthenticationManager passkeyAuthenticationManager(
            WebAuthnRelyingPartyOperations relyingParty, UserDetailsService users, PasskeyOutcomes outcomes) {
        var verifier = new ProviderManager(new WebAuthnAuthenticationProvider(relyingParty, users));
        verifier.setEraseCredentialsAfterAuthentication(false);
        AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
        return request -> {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (!trust.isAuthenticated(current) || !hasAuthority(current, FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
                outcomes.refused(null, "no password sign-in");
                throw new BadCredentialsException("a passkey is only a second factor");
            }
            String actor = current.getName();
            Authentication verified;
            try {
                verified = verifier.authenticate(request);
            } catch (AuthenticationException e) {
                outcomes.refused(actor, "passkey not verified");
                throw e;
            }
            if (!actor.equals(verified.getName())) {
                outcomes.refused(actor, "another account's passkey");
                throw new BadCredentialsException("the passkey is not the signed-in account's");
            }
            if (!(users.loadUserByUsername(actor) instanceof StaffPrincipal loaded)) {
                outcomes.refused(actor, "not a staff account");
                throw new BadCredentialsException("not a staff account");
            }
            if (!loaded.isEnabled()) {
                outcomes.refused(actor, "account disabled");
                throw new DisabledException("account disabled");
            }
            StaffPrincipal principal = withoutPassword(loaded);
            Collection<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
            var token = UsernamePasswordAuthenticationToken.authenticated(principal, null, List.copyOf(authorities));
            token.setDetails(current.getDetails());
            outcomes.succeeded(principal);
            return token;
        };
    }

    private static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
    }

    private static StaffPrincipal withoutPassword(StaffPrincipal principal) {
        return new StaffPrincipal(
                principal.id(),
                principal.username(),
                principal.displayName(),
                principal.role(),
                principal.organisationId(),
                principal.language(),
                null,
                principal.enabled());
    }
}
