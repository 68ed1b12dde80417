package fi.celia.celianet.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a form field typed in a text area: {@link FormBinding} keeps its lines, tabs and inner white space, and
 * still refuses the other control characters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface MultiLine {}
