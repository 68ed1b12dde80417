package fi.celia.celianet.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps a passkey registration's options in the session between {@code POST /webauthn/register/options} and
 * {@code POST /webauthn/register}, as Spring's own repository does, but as a serializable copy: Spring's
 * {@link PublicKeyCredentialCreationOptions} is not serializable, and the sessions are stored in PostgreSQL.
 */
final class SessionCreationOptionsRepository implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = SessionCreationOptionsRepository.class.getName() + ".OPTIONS";

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.ES384,
            PublicKeyCredentialParameters.ES512,
            PublicKeyCredentialParameters.RS256,
            PublicKeyCredentialParameters.RS384,
            PublicKeyCredentialParameters.RS512,
            PublicKeyCredentialParameters.RS1);

    private static final List<UserVerificationRequirement> USER_VERIFICATIONS = List.of(
            UserVerificationRequirement.DISCOURAGED,
            UserVerificationRequirement.PREFERRED,
            UserVerificationRequirement.REQUIRED);

    @Override
    public void save(
            HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        request.getSession().setAttribute(ATTRIBUTE, Snapshot.of(options));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Snapshot snapshot)) {
            return null;
        }
        return snapshot.options();
    }

    /** What Spring's options hold, in serializable parts. */
    record Snapshot(
            String rpId,
            String rpName,
            Bytes userId,
            String userName,
            String userDisplayName,
            Bytes challenge,
            List<Long> algorithms,
            Duration timeout,
            List<PublicKeyCredentialDescriptor> excludeCredentials,
            String authenticatorAttachment,
            String residentKey,
            String userVerification,
            String attestation,
            AuthenticationExtensionsClientInputs extensions)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        static Snapshot of(PublicKeyCredentialCreationOptions options) {
            AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
            return new Snapshot(
                    options.getRp().getId(),
                    options.getRp().getName(),
                    options.getUser().getId(),
                    options.getUser().getName(),
                    options.getUser().getDisplayName(),
                    options.getChallenge(),
                    options.getPubKeyCredParams().stream()
                            .map(parameter -> parameter.getAlg().getValue())
                            .toList(),
                    options.getTimeout(),
                    List.copyOf(options.getExcludeCredentials()),
                    selection == null || selection.getAuthenticatorAttachment() == null
                            ? null
                            : selection.getAuthenticatorAttachment().getValue(),
                    selection == null || selection.getResidentKey() == null
                            ? null
                            : selection.getResidentKey().getValue(),
                    selection == null || selection.getUserVerification() == null
                            ? null
                            : selection.getUserVerification().getValue(),
                    options.getAttestation() == null
                            ? null
                            : options.getAttestation().getValue(),
                    options.getExtensions());
        }

        PublicKeyCredentialCreationOptions options() {
            var selection = AuthenticatorSelectionCriteria.builder();
            if (authenticatorAttachment != null) {
                selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(authenticatorAttachment));
            }
            if (residentKey != null) {
                selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
            }
            if (userVerification != null) {
                // Spring compares the requirement by identity: the constant, never a copy
                selection.userVerification(USER_VERIFICATIONS.stream()
                        .filter(requirement -> requirement.getValue().equals(userVerification))
                        .findFirst()
                        .orElseThrow());
            }
            var builder = PublicKeyCredentialCreationOptions.builder()
                    .rp(PublicKeyCredentialRpEntity.builder()
                            .id(rpId)
                            .name(rpName)
                            .build())
                    .user(ImmutablePublicKeyCredentialUserEntity.builder()
                            .id(userId)
                            .name(userName)
                            .displayName(userDisplayName)
                            .build())
                    .challenge(challenge)
                    .pubKeyCredParams(algorithms.stream()
                            .map(algorithm -> ALGORITHMS.stream()
                                    .filter(parameter -> parameter.getAlg().getValue() == algorithm)
                                    .findFirst()
                                    .orElseThrow())
                            .toList())
                    .excludeCredentials(excludeCredentials)
                    .authenticatorSelection(selection.build());
            if (timeout != null) {
                builder.timeout(timeout);
            }
            if (attestation != null) {
                builder.attestation(AttestationConveyancePreference.valueOf(attestation));
            }
            if (extensions != null) {
                builder.extensions(extensions);
            }
            return builder.build();
        }
    }
}
