package dev.assistants4j.outside;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A record outside the wire model's packages, which notes who called its constructor: the client's mapper
 * leaves such types to Jackson.
 *
 * @param name a name
 */
public record Outside(@Nullable String name) {

	/** The classes on the stack of the last constructor call. */
	public static volatile List<String> lastCallers = List.of();

	/**
	 * Notes the caller.
	 */
	public Outside {
		lastCallers = StackWalker.getInstance()
			.walk((frames) -> frames.limit(12).map((frame) -> frame.getClassName()).toList());
	}

}
