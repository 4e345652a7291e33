package dev.assistants4j.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter of a test, lifecycle method or constructor to receive the base URL of the
 * emulator that {@link AssistantsEmulatorExtension} runs, such as {@code http://127.0.0.1:49152/v1}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmulatorBaseUrl {

}
