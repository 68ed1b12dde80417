package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

class FieldProblemsTest {

    static class Form {
        private String city;
        private String street;

        public String getCity() {
            return city;
        }

        public String getStreet() {
            return street;
        }
    }

    @Test
    void eachProblemBecomesAnErrorOfItsFieldOrOfTheFormAndAFieldKeepsItsFirstMessage() {
        var form = new Form();
        var errors = new BeanPropertyBindingResult(form, "form");
        errors.rejectValue("city", "typeMismatch.java.lang.String");

        FieldProblems.reject(
                errors,
                List.of(
                        new FieldProblem("city", "patrons.form.error.cityForCd"),
                        FieldProblem.of("street", "bookclubs.shipment.error.tooSoon", 35),
                        new FieldProblem("street", "patrons.form.error.addressForCd"),
                        FieldProblem.ofForm("maintenance.window.error.time")));

        assertThat(errors.getFieldErrors("city"))
                .extracting(FieldError::getCode)
                .containsExactly("typeMismatch.java.lang.String");
        assertThat(errors.getFieldErrors("street")).singleElement().satisfies(error -> {
            assertThat(error.getCode()).isEqualTo("bookclubs.shipment.error.tooSoon");
            assertThat(error.getArguments()).containsExactly(35);
        });
        assertThat(errors.getGlobalErrors())
                .extracting(ObjectError::getCode)
                .containsExactly("maintenance.window.error.time");
    }

    @Test
    void problemsAreValuesWhoseArgumentsCannotChangeAfterwards() {
        Object[] arguments = {1, 120};
        FieldProblem problem = FieldProblem.of("leadTimeDays", "bookclubs.calendar.error.leadTime", arguments);
        arguments[0] = 99;
        assertThat(problem).isEqualTo(FieldProblem.of("leadTimeDays", "bookclubs.calendar.error.leadTime", 1, 120));
        assertThat(problem.argumentArray()).containsExactly(1, 120);
        assertThat(new FieldProblem("hetu", "patrons.hetu.error.future").arguments())
                .isEmpty();
    }
}
