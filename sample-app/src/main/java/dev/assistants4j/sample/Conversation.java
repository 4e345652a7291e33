package dev.assistants4j.sample;

import java.util.function.BiFunction;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;

/**
 * The steps the demos share: create the assistant and a thread, add the question, run it, and read what the run
 * answered from the thread's messages.
 */
final class Conversation {

	private Conversation() {
	}

	/**
	 * Asks a new assistant one question on a new thread.
	 * @param client the client
	 * @param assistant the assistant to create
	 * @param question the user message
	 * @param run starts the run, given the thread's and the assistant's ids, and carries it to its end
	 * @return the answer, as {@link #answerOf} reads it, or the errors of the client's operations
	 */
	static Mono<String> ask(AssistantsClient client, CreateAssistantRequest assistant, String question,
			BiFunction<String, String, Mono<Run>> run) {
		return client.assistants()
			.create(assistant)
			.zipWith(client.threads().create())
			.flatMap((created) -> client.messages()
				.create(created.getT2().id(), CreateMessageRequest.user(question))
				.then(run.apply(created.getT2().id(), created.getT1().id())))
			.flatMap((ended) -> answerOf(client, ended));
	}

	/**
	 * Reads the answer of a run.
	 * @param client the client
	 * @param run the run, once it has ended
	 * @return the text of its assistant messages, oldest first; or, for a run that did not complete, a
	 * sentence saying how it ended
	 */
	static Mono<String> answerOf(AssistantsClient client, Run run) {
		if (!RunStatus.COMPLETED.equals(run.status())) {
			return Mono.just("The run ended " + run.status()
					+ ((run.lastError() != null) ? ": " + run.lastError().message() : "") + ".");
		}
		return client.messages()
			.list(run.threadId(), MessageListParams.builder().runId(run.id()).order(SortOrder.ASC).build())
			.filter((message) -> MessageRole.ASSISTANT.equals(message.role()))
			.map(Conversation::text)
			.collect(Collectors.joining("\n\n"));
	}

	private static String text(Message message) {
		return message.content()
			.stream()
			.filter(TextContent.class::isInstance)
			.map((content) -> ((TextContent) content).text())
			.map((text) -> (text != null && text.value() != null) ? text.value() : "")
			.collect(Collectors.joining());
	}

}
