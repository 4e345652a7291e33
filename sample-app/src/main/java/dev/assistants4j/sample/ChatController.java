package dev.assistants4j.sample;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.thread.AssistantThread;
import dev.assistants4j.stream.RunStreamAccumulator;
import dev.assistants4j.tool.AssistantFunctions;

/**
 * The API of the chat page ({@code /index.html}): the assistants to pick from, a form to create one, and a
 * chat whose answer streams as server-sent events, piece by piece as the run writes it. The page keeps the
 * thread's id for the browser session and sends it with each message.
 */
@RestController
@RequestMapping("/api")
class ChatController {

	private static final int LISTED_ASSISTANTS = 20;

	private final ObjectProvider<AssistantsClient> client;

	private final AssistantFunctions functions;

	private final SampleProperties properties;

	ChatController(ObjectProvider<AssistantsClient> client, AssistantFunctions functions,
			SampleProperties properties) {
		this.client = client;
		this.functions = functions;
		this.properties = properties;
	}

	/**
	 * Lists the newest assistants.
	 * @return their ids and names
	 */
	@GetMapping("/assistants")
	Flux<AssistantChoice> assistants() {
		return this.client.getObject()
			.assistants()
			.listPage(ListParams.builder().limit(LISTED_ASSISTANTS).build())
			.flatMapIterable(Page::data)
			.map(AssistantChoice::of);
	}

	/**
	 * Creates an assistant, with the application's functions (such as {@code get_weather}) if asked.
	 * @param request its name, instructions and whether it may call the functions
	 * @return its id and name
	 */
	@PostMapping("/assistants")
	Mono<AssistantChoice> createAssistant(@RequestBody NewAssistant request) {
		CreateAssistantRequest.Builder assistant = CreateAssistantRequest.builder(this.properties.getModel())
			.name(StringUtils.hasText(request.name()) ? request.name() : "Chat assistant");
		if (StringUtils.hasText(request.instructions())) {
			assistant.instructions(request.instructions());
		}
		if (request.functions()) {
			assistant.tools(this.functions.tools());
		}
		return this.client.getObject().assistants().create(assistant.build()).map(AssistantChoice::of);
	}

	/**
	 * Adds a user message to the thread (a new one when no id is given) and runs the assistant on it, answering
	 * its function calls. The events: {@code thread} with the thread's id, then a {@code delta} for each piece
	 * of the answer as it is written, then {@code done}; or {@code failure} with what went wrong.
	 * @param assistantId the assistant to run
	 * @param threadId the thread of the conversation so far, if there is one
	 * @param message what the user wrote
	 * @return the events
	 */
	@GetMapping(path = "/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<ChatEvent>> chat(@RequestParam String assistantId,
			@RequestParam(required = false) @Nullable String threadId, @RequestParam String message) {
		AssistantsClient client = this.client.getObject();
		Mono<String> thread = StringUtils.hasText(threadId) ? Mono.just(threadId)
				: client.threads().create().map(AssistantThread::id);
		return thread
			.flatMapMany((id) -> Flux.concat(Mono.just(event("thread", id)),
					client.messages()
						.create(id, CreateMessageRequest.user(message))
						.thenMany(RunStreamAccumulator.textDeltas(client.runs()
							.createStream(id, CreateRunRequest.builder(assistantId).build(), this.functions)))
						.map((piece) -> event("delta", piece)),
					Mono.just(event("done", ""))))
			.onErrorResume((ex) -> Mono.just(event("failure", String.valueOf(ex.getMessage()))));
	}

	private static ServerSentEvent<ChatEvent> event(String name, String text) {
		// JSON, not raw text: an SSE line loses a leading space, and the pieces of an answer start with one.
		return ServerSentEvent.builder(new ChatEvent(text)).event(name).build();
	}

	/**
	 * An assistant the page offers.
	 * @param id the assistant's id
	 * @param name its name, or its id when it has none
	 */
	record AssistantChoice(String id, String name) {

		static AssistantChoice of(Assistant assistant) {
			String id = String.valueOf(assistant.id());
			return new AssistantChoice(id, StringUtils.hasText(assistant.name()) ? assistant.name() : id);
		}

	}

	/**
	 * The page's form for a new assistant.
	 * @param name its name
	 * @param instructions its instructions
	 * @param functions whether it may call the application's functions
	 */
	record NewAssistant(@Nullable String name, @Nullable String instructions, boolean functions) {
	}

	/**
	 * The data of an event of the chat: a piece of the answer, the thread's id or an error message.
	 * @param text the text
	 */
	record ChatEvent(String text) {
	}

}
