package dev.smbco.testserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the server {@link SambaExtension} injects. On a parameter it applies to that
 * parameter only (so one test can take two different servers), else the method's, else the
 * class's (or an enclosing class's) annotation applies; without any, the default variant on
 * whatever backend is available.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface UseSamba {
    SambaVariant variant() default SambaVariant.DEFAULT;

    /**
     * Backends the test accepts, in order of preference; empty means any
     * (external, then container, then local smbd). A test that names a backend which is not
     * available fails when the {@code CI} environment variable is set and is skipped otherwise.
     */
    SambaBackend[] backend() default {};
}
