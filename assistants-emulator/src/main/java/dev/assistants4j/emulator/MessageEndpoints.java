package dev.assistants4j.emulator;

import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.ModifyMessageRequest;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The messages endpoints. No message can be added to a thread while one of its runs is active, as on the
 * service.
 */
final class MessageEndpoints {

	private static final String THREAD_ID = "thread_id";

	private static final String MESSAGE_ID = "message_id";

	private static final List<String> ROLES = List.of(MessageRole.USER.value(), MessageRole.ASSISTANT.value());

	private final EmulatorState state;

	private final WireJson json;

	private final EmulatorSettings settings;

	MessageEndpoints(EmulatorState state, WireJson json, EmulatorSettings settings) {
		this.state = state;
		this.json = json;
		this.settings = settings;
	}

	RouterFunction<ServerResponse> routes() {
		return route().POST("/threads/{thread_id}/messages", this::create)
			.GET("/threads/{thread_id}/messages", this::list)
			.GET("/threads/{thread_id}/messages/{message_id}", this::retrieve)
			.POST("/threads/{thread_id}/messages/{message_id}", this::modify)
			.DELETE("/threads/{thread_id}/messages/{message_id}", this::delete)
			.build();
	}

	/**
	 * Checks the roles of messages a request adds: the service takes {@code user} and {@code assistant} only.
	 * @param param the name the request gives the messages, for errors
	 */
	static void check(List<CreateMessageRequest> messages, String param) {
		for (int i = 0; i < messages.size(); i++) {
			check(messages.get(i), param + "[" + i + "].role");
		}
	}

	private static void check(CreateMessageRequest message, String roleParam) {
		if (!ROLES.contains(message.role().value())) {
			throw WireError.invalidValue(roleParam, message.role().value(), ROLES);
		}
	}

	private Mono<ServerResponse> create(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		return this.json.read(request, CreateMessageRequest.class).flatMap((body) -> {
			check(body, "role");
			synchronized (thread) {
				RunState active = thread.activeRun();
				if (active != null) {
					throw WireError.invalid("Can't add messages to " + thread.id() + " while a run " + active.id()
							+ " is active.");
				}
				MessageState message = MessageState.written(thread.id(), body, this.settings.now());
				thread.messages.add(message.id(), message);
				return this.json.ok(message.toWire());
			}
		});
	}

	private Mono<ServerResponse> list(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		ListQuery query = ListQuery.of(request);
		Optional<String> runId = request.queryParam("run_id");
		synchronized (thread) {
			return this.json.ok(thread.messages.page(query,
					(message) -> runId.isEmpty() || runId.get().equals(message.runId()), MessageState::toWire));
		}
	}

	private Mono<ServerResponse> retrieve(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		synchronized (thread) {
			return this.json.ok(message(thread, request).toWire());
		}
	}

	private Mono<ServerResponse> modify(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		message(thread, request);
		return this.json.read(request, ModifyMessageRequest.class).flatMap((body) -> {
			synchronized (thread) {
				MessageState message = message(thread, request);
				if (body.metadata() != null) {
					message.metadata(body.metadata());
				}
				return this.json.ok(message.toWire());
			}
		});
	}

	private Mono<ServerResponse> delete(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		String id = request.pathVariable(MESSAGE_ID);
		synchronized (thread) {
			if (thread.messages.remove(id) == null) {
				throw WireError.notFound("message", id);
			}
		}
		return this.json.ok(new DeletionStatus(id, "thread.message.deleted", true));
	}

	private static MessageState message(ThreadState thread, ServerRequest request) {
		String id = request.pathVariable(MESSAGE_ID);
		return thread.messages.get(id, () -> WireError.notFound("message", id));
	}

}
