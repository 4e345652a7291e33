package dev.assistants4j.emulator;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.thread.ModifyThreadRequest;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The threads endpoints; a thread's messages and runs have their own.
 */
final class ThreadEndpoints {

	private static final String THREAD_ID = "thread_id";

	private final EmulatorState state;

	private final WireJson json;

	private final EmulatorSettings settings;

	ThreadEndpoints(EmulatorState state, WireJson json, EmulatorSettings settings) {
		this.state = state;
		this.json = json;
		this.settings = settings;
	}

	RouterFunction<ServerResponse> routes() {
		return route().POST("/threads", this::create)
			.GET("/threads/{thread_id}", this::retrieve)
			.POST("/threads/{thread_id}", this::modify)
			.DELETE("/threads/{thread_id}", this::delete)
			.build();
	}

	private Mono<ServerResponse> create(ServerRequest request) {
		return this.json.read(request, CreateThreadRequest.class).flatMap((body) -> {
			ThreadState thread = createThread(body, "messages");
			synchronized (thread) {
				return this.json.ok(thread.toWire());
			}
		});
	}

	/**
	 * Creates a thread with its initial messages, for createThread and createThreadAndRun.
	 * @param messagesParam the name the request gives the messages, for errors
	 */
	ThreadState createThread(CreateThreadRequest body, String messagesParam) {
		List<CreateMessageRequest> messages = (body.messages() != null) ? body.messages() : List.of();
		MessageEndpoints.check(messages, messagesParam);
		long now = this.settings.now();
		ThreadState thread = new ThreadState(now, body.toolResources(), body.metadata());
		messages.forEach((message) -> {
			MessageState written = MessageState.written(thread.id(), message, now);
			thread.messages.add(written.id(), written);
		});
		return this.state.threads.add(thread.id(), thread);
	}

	private Mono<ServerResponse> retrieve(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		synchronized (thread) {
			return this.json.ok(thread.toWire());
		}
	}

	private Mono<ServerResponse> modify(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		return this.json.read(request, ModifyThreadRequest.class).flatMap((body) -> {
			synchronized (thread) {
				thread.modify(body.toolResources(), body.metadata());
				return this.json.ok(thread.toWire());
			}
		});
	}

	private Mono<ServerResponse> delete(ServerRequest request) {
		String id = request.pathVariable(THREAD_ID);
		ThreadState thread = this.state.threads.remove(id);
		if (thread == null) {
			throw WireError.notFound("thread", id);
		}
		synchronized (thread) {
			thread.runs.values().forEach(RunState::halt);
		}
		return this.json.ok(new DeletionStatus(id, "thread.deleted", true));
	}

}
