package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.List;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.tool.Tool;

/**
 * The objects a test starts from, created through the project's client.
 */
final class Fixtures {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	private Fixtures() {
	}

	/**
	 * Creates an assistant on gpt-4o with the given tools.
	 * @return its id
	 */
	static String assistant(AssistantsClient client, Tool... tools) {
		return client.assistants()
			.create(CreateAssistantRequest.builder("gpt-4o").tools(List.of(tools)).build())
			.block(TIMEOUT)
			.id();
	}

	/**
	 * Creates a thread holding one user message.
	 * @return its id
	 */
	static String thread(AssistantsClient client, String question) {
		String threadId = client.threads().create().block(TIMEOUT).id();
		client.messages().create(threadId, CreateMessageRequest.user(question)).block(TIMEOUT);
		return threadId;
	}

	/**
	 * Returns the latest message of a thread.
	 */
	static Message latestMessage(AssistantsClient client, String threadId) {
		return client.messages()
			.list(threadId, MessageListParams.builder().order(SortOrder.DESC).limit(1).build())
			.blockFirst(TIMEOUT);
	}

}
