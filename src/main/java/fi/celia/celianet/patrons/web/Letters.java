package fi.celia.celianet.patrons.web;

import fi.celia.celianet.credentials.ActivationCode;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.patrons.internal.CredentialLetter;
import fi.celia.celianet.patrons.internal.CredentialLetterPdf;
import fi.celia.celianet.patrons.internal.PatronCredentials.PrintedLetter;
import fi.celia.celianet.shared.CelianetProperties;
import fi.celia.celianet.shared.PostalAddress;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Turns printed letters into the letter PDF, with the address where the code is entered and the QR code's link. */
@Component
class Letters {

    private final CredentialLetterPdf pdf;
    private final CelianetProperties properties;

    Letters(CredentialLetterPdf pdf, CelianetProperties properties) {
        this.pdf = pdf;
        this.properties = properties;
    }

    CredentialLetter letter(PrintedLetter printed) {
        var patron = printed.patron();
        PostalAddress address =
                patron.postalAddress() != null ? patron.postalAddress() : new PostalAddress(null, null, null);
        return new CredentialLetter(
                Locale.forLanguageTag(patron.language()),
                patron.name(),
                address,
                patron.patronNumber(),
                printed.code(),
                properties.link(TokenPurpose.PATRON_CODE.path() + "?code=" + ActivationCode.normalise(printed.code())));
    }

    byte[] render(List<CredentialLetter> letters) {
        return pdf.render(letters);
    }

    /** A PDF answer that no cache keeps: it holds codes in clear. */
    static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }
}
