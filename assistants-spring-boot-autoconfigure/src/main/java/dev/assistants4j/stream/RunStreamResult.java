package dev.assistants4j.stream;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.run.RequiredToolCall;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.thread.AssistantThread;

/**
 * What the events of a streamed run add up to, as {@link RunStreamAccumulator} folds them.
 *
 * @param thread the thread the stream created, or {@code null} if it created none
 * @param run the run as its last event left it, or {@code null} if no run event came
 * @param messages the messages the run wrote, in the order they first appeared
 * @param steps the steps of the run, in the order they first appeared
 */
public record RunStreamResult(@Nullable AssistantThread thread, @Nullable Run run, List<Message> messages,
		List<RunStep> steps) {

	/**
	 * Creates a result.
	 * @throws IllegalArgumentException if a list is {@code null}
	 */
	public RunStreamResult {
		Assert.notNull(messages, "'messages' must not be null");
		Assert.notNull(steps, "'steps' must not be null");
		messages = List.copyOf(messages);
		steps = List.copyOf(steps);
	}

	/**
	 * Returns the text the run wrote: the text parts of each message joined, and the messages separated by a
	 * blank line.
	 * @return the text, empty if the run wrote none
	 */
	public String text() {
		return this.messages.stream()
			.map((message) -> message.content()
				.stream()
				.filter(TextContent.class::isInstance)
				.map((content) -> ((TextContent) content).text())
				.map((text) -> (text != null && text.value() != null) ? text.value() : "")
				.collect(Collectors.joining()))
			.filter((text) -> !text.isEmpty())
			.collect(Collectors.joining("\n\n"));
	}

	/**
	 * Returns the tool calls the run waits for, when the stream ended at {@code requires_action}.
	 * @return the calls, empty if the run requires no action
	 */
	public List<RequiredToolCall> requiredToolCalls() {
		return (this.run != null) ? this.run.requiredToolCalls() : List.of();
	}

}
