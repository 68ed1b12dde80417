package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.web.bind.WebDataBinder;

class FormBindingTest {

    public static class Form {
        private String name;
        private String newPassword;

        @MultiLine
        private String message;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getMessage() {
            return message;
        }

        public void setMessage(String message) {
            this.message = message;
        }
    }

    private WebDataBinder bind(Map<String, String> values) {
        WebDataBinder binder = new WebDataBinder(new Form(), "form");
        new FormBinding().bind(binder);
        binder.bind(new MutablePropertyValues(values));
        return binder;
    }

    @Test
    void textIsTrimmedButPasswordsAndTextAreasKeepTheirSpacesAndLines() {
        WebDataBinder binder = bind(Map.of(
                "name",
                "  Maija  ",
                "newPassword",
                " secret with spaces ",
                "message",
                "  first line\n\tsecond line\r\n"));
        Form form = (Form) binder.getTarget();
        assertThat(binder.getBindingResult().hasErrors()).isFalse();
        assertThat(form.getName()).isEqualTo("Maija");
        assertThat(form.getNewPassword()).isEqualTo(" secret with spaces ");
        assertThat(form.getMessage()).isEqualTo("  first line\n\tsecond line\r\n");
    }

    @Test
    void controlAndDirectionCharactersAreFieldErrorsAndNewlinesOnlyBelongInTextAreas() {
        WebDataBinder binder =
                bind(Map.of("name", "Mai\u0000ja", "newPassword", "pass\u202Eword", "message", "a\u0007b"));
        var errors = binder.getBindingResult();
        assertThat(errors.getFieldError("name").getCode()).isEqualTo("typeMismatch");
        assertThat(errors.getFieldError("newPassword").getCode()).isEqualTo("typeMismatch");
        assertThat(errors.getFieldError("message").getCode()).isEqualTo("typeMismatch");
        assertThat(bind(Map.of("name", "two\nlines")).getBindingResult().hasFieldErrors("name"))
                .isTrue();
        assertThat(bind(Map.of("name", "tab\there")).getBindingResult().hasFieldErrors("name"))
                .isTrue();
    }
}
