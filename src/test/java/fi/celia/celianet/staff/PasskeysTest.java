package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import fi.celia.celianet.staff.internal.PasskeyConfiguration;
import fi.celia.celianet.staff.internal.PasskeyConfiguration.PasskeyOutcomes;
import fi.celia.celianet.staff.internal.Passkeys;
import fi.celia.celianet.support.IntegrationTest;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
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
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
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
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.util.SerializationUtils;

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

    // A whole ceremony against the application's relying party and stores, with a software authenticator: the
    // registration's options go through the session store's serialization, the origin is localhost on a port
    // other than the configured one (allowed in tests), and another origin is refused.

    @Autowired
    PublicKeyCredentialCreationOptionsRepository creationOptions;

    @Test
    void aRegisteredPasskeyCompletesItsAccountsPasswordSignIn() throws Exception {
        String username = data.account(Role.STAFF, null).getUsername();
        signedInWithPassword(username);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        var authenticator = new SoftwareAuthenticator("http://localhost:" + port);

        PublicKeyCredentialCreationOptions options =
                sessionRoundTrip(relyingParty.createPublicKeyCredentialCreationOptions(
                        new ImmutablePublicKeyCredentialCreationOptionsRequest(signedIn)));
        assertThat(options.getRp().getName()).isEqualTo("Celianet");
        assertThat(options.getUser().getName()).isEqualTo(username);
        relyingParty.registerCredential(
                new ImmutableRelyingPartyRegistrationRequest(options, authenticator.create(options, "Work laptop")));
        assertThat(passkeys.count(username)).isEqualTo(1);
        assertThat(jdbc.sql(
                                """
                                SELECT c.label FROM user_credentials c JOIN user_entities e ON e.id = c.user_entity_user_id
                                WHERE e.name = ?
                                """)
                        .param(username)
                        .query(String.class)
                        .single())
                .isEqualTo("Work laptop");

        var outcomes = new RecordedOutcomes();
        var manager = manager(relyingParty, outcomes);
        PublicKeyCredentialRequestOptions requestOptions = relyingParty.createCredentialRequestOptions(
                new ImmutablePublicKeyCredentialRequestOptionsRequest(signedIn));
        Authentication result = manager.authenticate(new WebAuthnAuthenticationRequestToken(
                new RelyingPartyAuthenticationRequest(requestOptions, authenticator.get(requestOptions))));

        assertThat(result.getName()).isEqualTo(username);
        assertThat(result.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains(FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
        assertThat(outcomes.events).containsExactly("succeeded " + username);
        assertThat(jdbc.sql(
                                """
                                SELECT c.signature_count FROM user_credentials c
                                JOIN user_entities e ON e.id = c.user_entity_user_id WHERE e.name = ?
                                """)
                        .param(username)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aPasskeyUsedOnAnotherOriginIsRefused() throws Exception {
        String username = data.account(Role.STAFF, null).getUsername();
        signedInWithPassword(username);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();

        PublicKeyCredentialCreationOptions options = relyingParty.createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(signedIn));
        var elsewhere = new SoftwareAuthenticator("https://celianet.example.com");
        assertThatThrownBy(() -> relyingParty.registerCredential(
                        new ImmutableRelyingPartyRegistrationRequest(options, elsewhere.create(options, "Phishing"))))
                .isInstanceOf(RuntimeException.class);
        assertThat(passkeys.enrolled(username)).isFalse();

        var authenticator = new SoftwareAuthenticator("http://localhost:" + port);
        relyingParty.registerCredential(
                new ImmutableRelyingPartyRegistrationRequest(options, authenticator.create(options, "Work laptop")));
        PublicKeyCredentialRequestOptions requestOptions = relyingParty.createCredentialRequestOptions(
                new ImmutablePublicKeyCredentialRequestOptionsRequest(signedIn));
        var outcomes = new RecordedOutcomes();
        var manager = manager(relyingParty, outcomes);
        authenticator.origin = "https://celianet.example.com";
        assertThatThrownBy(() -> manager.authenticate(new WebAuthnAuthenticationRequestToken(
                        new RelyingPartyAuthenticationRequest(requestOptions, authenticator.get(requestOptions)))))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(outcomes.events).containsExactly("refused " + username + " passkey not verified");
    }

    /** Saves the options as the options filter does, through Java serialization as the session store does. */
    private PublicKeyCredentialCreationOptions sessionRoundTrip(PublicKeyCredentialCreationOptions options) {
        var first = new MockHttpServletRequest();
        creationOptions.save(first, new MockHttpServletResponse(), options);
        var second = new MockHttpServletRequest();
        var session = (MockHttpSession) second.getSession();
        var stored = first.getSession();
        for (String name : Collections.list(stored.getAttributeNames())) {
            session.setAttribute(name, SerializationUtils.clone((Serializable) stored.getAttribute(name)));
        }
        PublicKeyCredentialCreationOptions loaded = creationOptions.load(second);
        assertThat(loaded).isNotNull();
        assertThat(loaded.getChallenge()).isEqualTo(options.getChallenge());
        assertThat(loaded.getUser().getId()).isEqualTo(options.getUser().getId());
        return loaded;
    }

    /** A passkey authenticator in software: an EC P-256 key, no attestation, as a browser's would answer. */
    private static final class SoftwareAuthenticator {
        private final KeyPair keys;
        private final byte[] credentialId = Bytes.random().getBytes();
        private final ObjectConverter converter = new ObjectConverter();
        private int counter;
        String origin;

        SoftwareAuthenticator(String origin) throws Exception {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
            this.origin = origin;
        }

        RelyingPartyPublicKey create(PublicKeyCredentialCreationOptions options, String label) throws Exception {
            var credential = new AttestedCredentialData(
                    AAGUID.ZERO,
                    credentialId,
                    EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
            var authenticatorData = new AuthenticatorData<RegistrationExtensionAuthenticatorOutput>(
                    rpIdHash(options.getRp().getId()),
                    (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT),
                    counter,
                    credential);
            byte[] attestation = new AttestationObjectConverter(converter)
                    .convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
            var response = AuthenticatorAttestationResponse.builder()
                    .attestationObject(new Bytes(attestation))
                    .clientDataJSON(new Bytes(clientData("webauthn.create", options.getChallenge())))
                    .transports(AuthenticatorTransport.INTERNAL)
                    .build();
            return new RelyingPartyPublicKey(
                    PublicKeyCredential.<AuthenticatorAttestationResponse>builder()
                            .id(new Bytes(credentialId).toBase64UrlString())
                            .rawId(new Bytes(credentialId))
                            .type(PublicKeyCredentialType.PUBLIC_KEY)
                            .response(response)
                            .build(),
                    label);
        }

        PublicKeyCredential<AuthenticatorAssertionResponse> get(PublicKeyCredentialRequestOptions options)
                throws Exception {
            counter++;
            byte[] authenticatorData = ByteBuffer.allocate(37)
                    .put(rpIdHash(options.getRpId()))
                    .put((byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV))
                    .putInt(counter)
                    .array();
            byte[] clientData = clientData("webauthn.get", options.getChallenge());
            var signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(authenticatorData);
            signature.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            return PublicKeyCredential.<AuthenticatorAssertionResponse>builder()
                    .id(new Bytes(credentialId).toBase64UrlString())
                    .rawId(new Bytes(credentialId))
                    .type(PublicKeyCredentialType.PUBLIC_KEY)
                    .response(AuthenticatorAssertionResponse.builder()
                            .authenticatorData(new Bytes(authenticatorData))
                            .clientDataJSON(new Bytes(clientData))
                            .signature(new Bytes(signature.sign()))
                            .build())
                    .build();
        }

        private byte[] clientData(String type, Bytes challenge) {
            return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge.toBase64UrlString() + "\",\"origin\":\""
                            + origin + "\",\"crossOrigin\":false}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] rpIdHash(String rpId) throws Exception {
            return MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8));
        }
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
