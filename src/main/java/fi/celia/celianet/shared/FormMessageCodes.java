package fi.celia.celianet.shared;

import java.util.Arrays;
import org.springframework.validation.DefaultMessageCodesResolver;

/**
 * Spring's message codes, plus {@code typeMismatch.enum} for a value that is none of an enum's options, so one
 * message ("choose one of the options") serves every choice field without naming its class.
 */
class FormMessageCodes extends DefaultMessageCodesResolver {

    @Override
    public String[] resolveMessageCodes(String errorCode, String objectName, String field, Class<?> fieldType) {
        String[] codes = super.resolveMessageCodes(errorCode, objectName, field, fieldType);
        if (fieldType == null || !fieldType.isEnum() || !"typeMismatch".equals(errorCode)) {
            return codes;
        }
        String[] withEnum = Arrays.copyOf(codes, codes.length + 1);
        withEnum[codes.length - 1] = "typeMismatch.enum";
        withEnum[codes.length] = codes[codes.length - 1];
        return withEnum;
    }
}
