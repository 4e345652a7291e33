package dev.assistants4j.emulator.responder;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.ToolChoice;
import dev.assistants4j.model.tool.FunctionDefinition;
import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;

/**
 * What a {@link Responder} knows of a run when it answers: the run as a client would read it (its
 * instructions, tools, model and settings, already resolved from the run request and the assistant), the
 * assistant, the thread's messages and the function outputs submitted so far.
 *
 * @param run the run, {@code in_progress}
 * @param assistant the run's assistant, as it was when the run was created
 * @param messages the thread's messages, oldest first, as the run's truncation strategy leaves them
 * @param toolOutputs the outputs submitted to this run so far, in the order of their calls; empty on the
 * run's first answer
 */
public record RunContext(Run run, Assistant assistant, List<Message> messages, List<FunctionOutput> toolOutputs) {

	/**
	 * Creates a context.
	 * @param run the run
	 * @param assistant the assistant
	 * @param messages the thread's messages
	 * @param toolOutputs the outputs submitted so far
	 */
	public RunContext {
		Assert.notNull(run, "'run' must not be null");
		Assert.notNull(assistant, "'assistant' must not be null");
		messages = List.copyOf(messages);
		toolOutputs = List.copyOf(toolOutputs);
	}

	/**
	 * The instructions the run follows: the run's own, or else the assistant's, with any additional
	 * instructions appended.
	 * @return the instructions, or {@code null} if there are none
	 */
	public @Nullable String instructions() {
		return this.run.instructions();
	}

	/**
	 * The tools the run may use: the run's own, or else the assistant's.
	 * @return the tools
	 */
	public List<Tool> tools() {
		return this.run.tools();
	}

	/**
	 * The functions the run may call, as its {@code tool_choice} allows: none for {@code none}, the one named
	 * by a function choice, every function tool otherwise.
	 * @return the definitions of the callable functions
	 */
	public List<FunctionDefinition> callableFunctions() {
		ToolChoice choice = this.run.toolChoice();
		if (ToolChoice.none().equals(choice)) {
			return List.of();
		}
		String only = (choice instanceof ToolChoice.Function function && function.function() != null)
				? function.function().name() : null;
		return this.run.tools()
			.stream()
			.filter(FunctionTool.class::isInstance)
			.map((tool) -> ((FunctionTool) tool).function())
			.filter(Objects::nonNull)
			.filter((function) -> function.name() != null && (only == null || only.equals(function.name())))
			.toList();
	}

	/**
	 * The text of the latest message a user wrote on the thread.
	 * @return the text, or {@code null} if no user message has text
	 */
	public @Nullable String lastUserText() {
		for (int i = this.messages.size() - 1; i >= 0; i--) {
			Message message = this.messages.get(i);
			if (MessageRole.USER.equals(message.role())) {
				String text = textOf(message);
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return null;
	}

	/**
	 * Joins the text parts of a message, one per line.
	 * @param message a message
	 * @return its text, empty when it has none
	 */
	public static String textOf(Message message) {
		Assert.notNull(message, "'message' must not be null");
		return message.content()
			.stream()
			.filter(TextContent.class::isInstance)
			.map((content) -> ((TextContent) content).text())
			.filter((text) -> text != null && text.value() != null)
			.map(TextContent.Text::value)
			.collect(Collectors.joining("\n"));
	}

	/**
	 * The output a client submitted for one function call of the run.
	 *
	 * @param toolCallId the id of the call
	 * @param name the function's name
	 * @param arguments the arguments the call was made with
	 * @param output the output the client submitted
	 */
	public record FunctionOutput(String toolCallId, String name, String arguments, String output) {

		/**
		 * Creates a function output.
		 * @param toolCallId the call's id
		 * @param name the function's name
		 * @param arguments the call's arguments
		 * @param output the submitted output
		 */
		public FunctionOutput {
			Assert.hasText(toolCallId, "'toolCallId' must not be blank");
			Assert.notNull(name, "'name' must not be null");
			Assert.notNull(arguments, "'arguments' must not be null");
			Assert.notNull(output, "'output' must not be null");
		}

	}

}
