package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.celia.celianet.staff.internal.PasskeyConfiguration;
import fi.celia.celianet.staff.internal.PasskeyConfiguration.PasskeyOutcomes;
import fi.celia.celianet.staff.internal.Passkeys;
import fi.celia.celianet.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

class PasskeysTest extends IntegrationTest {

    @Autowired
    PublicKeyCredentialUserEntityRepository userEntities;

    @Autowired
    UserCredentialRepository credentials;

    @Autowired
    WebAuthnRelyingPartyOperations relyingParty;

    @Autowired
    Passkeys passkeys;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPasskeyIsStoredFoundUpdatedAndRemovedInTheDatabase() {
        String username = data.account(Role.STAFF, null).getUsername();
        assertThat(passkeys.enrolled(username)).isFalse();

        PublicKeyCredentialUserEntity entity = entity(username);
        userEntities.save(entity);
        // Spring makes the entity when registration starts: no passkey yet, so not enrolled
        assertThat(userEntities.findByUsername(username))
                .usingRecursiveComparison()
                .isEqualTo(entity);
        assertThat(passkeys.enrolled(username)).isFalse();

        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CredentialRecord record = credential(entity.getId(), created);
        credentials.save(record);

        CredentialRecord found = credentials.findByCredentialId(record.getCredentialId());
        assertThat(found).isNotNull();
        assertThat(found.getUserEntityUserId()).isEqualTo(entity.getId());
        assertThat(found.getPublicKey().getBytes())
                .isEqualTo(record.getPublicKey().getBytes());
        assertThat(found.getAttestationObject()).isEqualTo(record.getAttestationObject());
        assertThat(found.getTransports()).containsExactlyInAnyOrder(AuthenticatorTransport.INTERNAL);
        assertThat(found.getLabel()).isEqualTo("Work laptop");
        assertThat(found.getCreated()).isEqualTo(created);
        assertThat(found.getLastUsed()).isEqualTo(created);
        assertThat(credentials.findByUserId(entity.getId()))
                .extracting(CredentialRecord::getCredentialId)
                .containsExactly(record.getCredentialId());
        assertThat(passkeys.enrolled(username)).isTrue();
        assertThat(passkeys.count(username)).isEqualTo(1);

        // a sign-in saves the record again, with the new signature count and time of use
        Instant used = created.plus(1, ChronoUnit.HOURS);
        credentials.save(ImmutableCredentialRecord.fromCredentialRecord(found)
                .signatureCount(7)
                .lastUsed(used)
                .build());
        CredentialRecord updated = credentials.findByCredentialId(record.getCredentialId());
        assertThat(updated.getSignatureCount()).isEqualTo(7);
        assertThat(updated.getLastUsed()).isEqualTo(used);
        assertThat(jdbc.sql("SELECT last_used FROM user_credentials WHERE credential_id = ?")
                        .param(record.getCredentialId().toBase64UrlString())
                        .query(Instant.class)
                        .single())
                .isEqualTo(used);

        credentials.save(credential(entity.getId(), created));
        assertThat(passkeys.count(username)).isEqualTo(2);

        passkeys.remove(username);
        assertThat(passkeys.enrolled(username)).isFalse();
        assertThat(passkeys.count(username)).isZero();
        assertThat(userEntities.findByUsername(username)).isNull();
        assertThat(credentials.findByUserId(entity.getId())).isEmpty();
    }

    @Test
    void removingOneAccountsPasskeysLeavesOthersAlone() {
        String first = data.account(Role.STAFF, null).getUsername();
        String second = data.account(Role.STAFF, null).getUsername();
        for (String username : List.of(first, second)) {
            PublicKeyCredentialUserEntity entity = entity(username);
            userEntities.save(entity);
            credentials.save(credential(entity.getId(), Instant.now()));
        }

        passkeys.remove(first);

        assertThat(passkeys.enrolled(first)).isFalse();
        assertThat(passkeys.enrolled(second)).isTrue();
    }

    @Test
    void passkeysBelongOnlyToStaffAccountsAndGoWithTheirEntity() {
        assertThatThrownBy(
                        () -> userEntities.save(entity("nobody-" + Instant.now().toEpochMilli())))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> credentials.save(credential(Bytes.random(), Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);

        String username = data.account(Role.STAFF, null).getUsername();
        PublicKeyCredentialUserEntity entity = entity(username);
        userEntities.save(entity);
        credentials.save(credential(entity.getId(), Instant.now()));
        userEntities.delete(entity.getId());
        assertThat(passkeys.count(username)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM user_credentials WHERE user_entity_user_id = ?")
                        .param(entity.getId().toBase64UrlString())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    // The passkey step as the filter runs it: the security context holds the password sign-in (or nothing).

    @Test
    void aPasskeyCompletesThePasswordSignInOfItsOwnAccount() {
        var outcomes = new RecordedOutcomes();
        var manager = manager(passkeyOf("anna"), outcomes);
        signedInWithPassword("anna");

        Authentication result = manager.authenticate(request());

        assertThat(result).isInstanceOf(UsernamePasswordAuthenticationToken.class);
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getName()).isEqualTo("anna");
        assertThat(result.getPrincipal()).isInstanceOfSatisfying(StaffPrincipal.class, principal -> {
            assertThat(principal.username()).isEqualTo("anna");
            assertThat(principal.getPassword()).isNull();
        });
        assertThat(result.getCredentials()).isNull();
        assertThat(result.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_STAFF", FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
        assertThat(outcomes.events).containsExactly("succeeded anna");
    }

    @Test
    void anotherAccountsPasskeyIsRefused() {
        var outcomes = new RecordedOutcomes();
        var manager = manager(passkeyOf("bertta"), outcomes);
        signedInWithPassword("anna");

        assertThatThrownBy(() -> manager.authenticate(request())).isInstanceOf(BadCredentialsException.class);
        assertThat(outcomes.events).containsExactly("refused anna another account's passkey");
    }

    @Test
    void aPasskeyWithoutAPasswordSignInIsRefused() {
        var outcomes = new RecordedOutcomes();
        var manager = manager(passkeyOf("anna"), outcomes);

        assertThatThrownBy(() -> manager.authenticate(request())).isInstanceOf(BadCredentialsException.class);

        // signed in, but not with the password: no first factor to complete
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal("anna", true), null, List.of(new SimpleGrantedAuthority("ROLE_STAFF"))));
        assertThatThrownBy(() -> manager.authenticate(request())).isInstanceOf(BadCredentialsException.class);
        assertThat(outcomes.events)
                .containsExactly("refused null no password sign-in", "refused null no password sign-in");
    }

    @Test
    void aPasskeyOfADeactivatedAccountIsRefused() {
        var outcomes = new RecordedOutcomes();
        UserDetailsService users = username -> principal(username, false);
        var manager = PasskeyConfiguration.passkeyAuthenticationManager(passkeyOf("anna"), users, outcomes);
        signedInWithPassword("anna");

        assertThatThrownBy(() -> manager.authenticate(request())).isInstanceOf(DisabledException.class);
        assertThat(outcomes.events).containsExactly("refused anna account disabled");
    }

    @Test
    void aPasskeyTheRelyingPartyCannotVerifyIsRefused() {
        // the application's relying party: this credential was never registered
        var outcomes = new RecordedOutcomes();
        var manager = manager(relyingParty, outcomes);
        signedInWithPassword("anna");

        assertThatThrownBy(() -> manager.authenticate(request())).isInstanceOf(BadCredentialsException.class);
        assertThat(outcomes.events).containsExactly("refused anna passkey not verified");
    }

    private static AuthenticationManager manager(
            WebAuthnRelyingPartyOperations relyingParty, PasskeyOutcomes outcomes) {
        UserDetailsService users = username -> principal(username, true);
        return PasskeyConfiguration.passkeyAuthenticationManager(relyingParty, users, outcomes);
    }

    private static StaffPrincipal principal(String username, boolean enabled) {
        return new StaffPrincipal(
                UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)),
                username,
                "Test " + username,
                Role.STAFF,
                null,
                "fi",
                "{bcrypt}not-a-real-hash",
                enabled);
    }

    private static void signedInWithPassword(String username) {
        StaffPrincipal principal = principal(username, true);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal,
                        null,
                        List.of(
                                new SimpleGrantedAuthority("ROLE_STAFF"),
                                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY))));
    }

    private static WebAuthnAuthenticationRequestToken request() {
        var options = PublicKeyCredentialRequestOptions.builder()
                .challenge(Bytes.random())
                .rpId("localhost")
                .build();
        PublicKeyCredential<AuthenticatorAssertionResponse> credential =
                PublicKeyCredential.<AuthenticatorAssertionResponse>builder()
                        .id("credential")
                        .rawId(Bytes.random())
                        .type(PublicKeyCredentialType.PUBLIC_KEY)
                        .response(AuthenticatorAssertionResponse.builder()
                                .clientDataJSON(Bytes.random())
                                .authenticatorData(Bytes.random())
                                .signature(Bytes.random())
                                .build())
                        .build();
        return new WebAuthnAuthenticationRequestToken(new RelyingPartyAuthenticationRequest(options, credential));
    }

    /** A relying party whose every assertion verifies, as the passkey of {@code username}. */
    private static WebAuthnRelyingPartyOperations passkeyOf(String username) {
        return new WebAuthnRelyingPartyOperations() {
            @Override
            public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
                    PublicKeyCredentialCreationOptionsRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
                    PublicKeyCredentialRequestOptionsRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
                return entity(username);
            }
        };
    }

    private static PublicKeyCredentialUserEntity entity(String username) {
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.random())
                .name(username)
                .displayName(username)
                .build();
    }

    private static CredentialRecord credential(Bytes userId, Instant created) {
        return ImmutableCredentialRecord.builder()
                .credentialId(Bytes.random())
                .userEntityUserId(userId)
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3, 4}))
                .signatureCount(0)
                .uvInitialized(true)
                .backupEligible(false)
                .backupState(false)
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .transports(Set.of(AuthenticatorTransport.INTERNAL))
                .attestationObject(new Bytes(new byte[] {5, 6, 7}))
                .attestationClientDataJSON(new Bytes(new byte[] {8, 9}))
                .created(created)
                .lastUsed(created)
                .label("Work laptop")
                .build();
    }

    private static final class RecordedOutcomes implements PasskeyOutcomes {
        final List<String> events = new ArrayList<>();

        @Override
        public void succeeded(StaffPrincipal principal) {
            events.add("succeeded " + principal.username());
        }

        @Override
        public void refused(String actor, String reason) {
            events.add("refused " + actor + " " + reason);
        }
    }
}
