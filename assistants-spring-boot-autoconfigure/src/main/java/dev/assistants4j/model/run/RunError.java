package dev.assistants4j.model.run;

import org.jspecify.annotations.Nullable;

/**
 * The last error of a failed run or run step ({@code last_error}).
 *
 * @param code what kind of error
 * @param message a human-readable description
 */
public record RunError(@Nullable RunErrorCode code, @Nullable String message) {
}
