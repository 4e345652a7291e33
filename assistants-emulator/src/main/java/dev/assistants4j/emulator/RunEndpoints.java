package dev.assistants4j.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.ModifyRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.model.run.ToolOutput;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.stream.SseEvent;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The runs and run steps endpoints, and createThreadAndRun. The three that create or resume a run answer
 * with the run, or with {@code text/event-stream} when the request says {@code "stream": true}: the run's
 * events as {@link RunEngine} emits them, flushed one by one, then {@code event: done} /
 * {@code data: [DONE]}. A run that is not over is answered with {@code openai-poll-after-ms}, the delay the
 * service asks pollers to wait.
 */
final class RunEndpoints {

	static final String POLL_AFTER = "openai-poll-after-ms";

	private static final String THREAD_ID = "thread_id";

	private static final String RUN_ID = "run_id";

	private static final String STEP_ID = "step_id";

	private static final String STREAM = "stream";

	private static final SseEvent DONE = new SseEvent("done", "[DONE]");

	private static final MediaType EVENT_STREAM = new MediaType(MediaType.TEXT_EVENT_STREAM, StandardCharsets.UTF_8);

	private final EmulatorState state;

	private final WireJson json;

	private final EmulatorSettings settings;

	private final RunEngine engine;

	private final ThreadEndpoints threads;

	RunEndpoints(EmulatorState state, WireJson json, EmulatorSettings settings, RunEngine engine,
			ThreadEndpoints threads) {
		this.state = state;
		this.json = json;
		this.settings = settings;
		this.engine = engine;
		this.threads = threads;
	}

	RouterFunction<ServerResponse> routes() {
		return route().POST("/threads/runs", this::createThreadAndRun)
			.POST("/threads/{thread_id}/runs", this::create)
			.GET("/threads/{thread_id}/runs", this::list)
			.GET("/threads/{thread_id}/runs/{run_id}", this::retrieve)
			.POST("/threads/{thread_id}/runs/{run_id}", this::modify)
			.POST("/threads/{thread_id}/runs/{run_id}/cancel", this::cancel)
			.POST("/threads/{thread_id}/runs/{run_id}/submit_tool_outputs", this::submitToolOutputs)
			.GET("/threads/{thread_id}/runs/{run_id}/steps", this::listSteps)
			.GET("/threads/{thread_id}/runs/{run_id}/steps/{step_id}", this::retrieveStep)
			.build();
	}

	private Mono<ServerResponse> create(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		return this.json.readObject(request).flatMap((body) -> {
			CreateRunRequest run = this.json.bind(body, CreateRunRequest.class, STREAM);
			ToolRules.check(run.tools());
			if (run.additionalMessages() != null) {
				MessageEndpoints.check(run.additionalMessages(), "additional_messages");
			}
			Assistant assistant = this.state.assistant(run.assistantId());
			synchronized (thread) {
				checkIdle(thread);
				return answer(this.engine.create(thread, assistant, run, streams(body), false));
			}
		});
	}

	private Mono<ServerResponse> createThreadAndRun(ServerRequest request) {
		return this.json.readObject(request).flatMap((body) -> {
			CreateThreadAndRunRequest run = this.json.bind(body, CreateThreadAndRunRequest.class, STREAM);
			ToolRules.check(run.tools());
			Assistant assistant = this.state.assistant(run.assistantId());
			CreateThreadRequest threadRequest = (run.thread() != null) ? run.thread()
					: new CreateThreadRequest(null, null, null);
			if (threadRequest.toolResources() == null && run.toolResources() != null) {
				threadRequest = new CreateThreadRequest(threadRequest.messages(), run.toolResources(),
						threadRequest.metadata());
			}
			ThreadState thread = this.threads.createThread(threadRequest, "thread.messages");
			synchronized (thread) {
				return answer(this.engine.create(thread, assistant, asRunRequest(run), streams(body), true));
			}
		});
	}

	/**
	 * The run part of a createThreadAndRun request, as the request of a run on the new thread.
	 */
	private static CreateRunRequest asRunRequest(CreateThreadAndRunRequest request) {
		return new CreateRunRequest(request.assistantId(), request.model(), null, request.instructions(), null, null,
				request.tools(), request.metadata(), request.temperature(), request.topP(), request.maxPromptTokens(),
				request.maxCompletionTokens(), request.truncationStrategy(), request.toolChoice(),
				request.parallelToolCalls(), request.responseFormat());
	}

	private static void checkIdle(ThreadState thread) {
		RunState active = thread.activeRun();
		if (active != null) {
			throw WireError.invalid("Thread " + thread.id() + " already has an active run " + active.id() + ".");
		}
	}

	private Mono<ServerResponse> list(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		ListQuery query = ListQuery.of(request);
		synchronized (thread) {
			return this.json.ok(thread.runs.page(query, (run) -> true, RunState::toWire));
		}
	}

	private Mono<ServerResponse> retrieve(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		synchronized (thread) {
			return ok(run(thread, request).toWire());
		}
	}

	private Mono<ServerResponse> modify(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		run(thread, request);
		return this.json.read(request, ModifyRunRequest.class).flatMap((body) -> {
			synchronized (thread) {
				RunState run = run(thread, request);
				if (body.metadata() != null) {
					run.metadata(body.metadata());
				}
				return ok(run.toWire());
			}
		});
	}

	private Mono<ServerResponse> cancel(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		synchronized (thread) {
			return ok(this.engine.cancel(thread, run(thread, request)));
		}
	}

	private Mono<ServerResponse> submitToolOutputs(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		run(thread, request);
		return this.json.readObject(request).flatMap((body) -> {
			List<ToolOutput> outputs = toolOutputs(body);
			synchronized (thread) {
				return answer(this.engine.submit(thread, run(thread, request), outputs, streams(body)));
			}
		});
	}

	private List<ToolOutput> toolOutputs(ObjectNode body) {
		JsonNode outputs = body.get("tool_outputs");
		if (outputs != null && outputs.isArray() && outputs.isEmpty()) {
			// The request record refuses an empty list; the service answers with the calls it waits for.
			return List.of();
		}
		return this.json.bind(body, SubmitToolOutputsRequest.class, STREAM).toolOutputs();
	}

	private Mono<ServerResponse> listSteps(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		ListQuery query = ListQuery.of(request);
		synchronized (thread) {
			return this.json.ok(run(thread, request).steps.page(query, (step) -> true, RunStepState::toWire));
		}
	}

	private Mono<ServerResponse> retrieveStep(ServerRequest request) {
		ThreadState thread = this.state.thread(request.pathVariable(THREAD_ID));
		synchronized (thread) {
			String id = request.pathVariable(STEP_ID);
			return this.json.ok(run(thread, request).steps.get(id, () -> WireError.notFound("run step", id)).toWire());
		}
	}

	private static RunState run(ThreadState thread, ServerRequest request) {
		String id = request.pathVariable(RUN_ID);
		return thread.runs.get(id, () -> WireError.notFound("run", id));
	}

	private static boolean streams(ObjectNode body) {
		JsonNode stream = body.get(STREAM);
		return stream != null && stream.isBoolean() && stream.booleanValue();
	}

	private Mono<ServerResponse> answer(RunEngine.Started started) {
		Flux<SseEvent> events = started.events();
		return (events != null) ? stream(events) : ok(started.run());
	}

	private Mono<ServerResponse> ok(Run run) {
		boolean over = run.status() != null && run.status().isTerminal();
		return this.json.ok(run, (headers) -> {
			if (!over) {
				headers.set(POLL_AFTER, Long.toString(this.settings.pollAfter().toMillis()));
			}
		});
	}

	private static Mono<ServerResponse> stream(Flux<SseEvent> events) {
		Flux<SseEvent> all = events.concatWith(Mono.just(DONE));
		// Flushed event by event: a client must see each delta as it is emitted, not when a buffer fills.
		BodyInserter<Flux<SseEvent>, ReactiveHttpOutputMessage> inserter = (message, context) -> message
			.writeAndFlushWith(all.map((event) -> Mono.just(frame(event, message.bufferFactory()))));
		return ServerResponse.ok()
			.contentType(EVENT_STREAM)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.body(inserter);
	}

	private static DataBuffer frame(SseEvent event, DataBufferFactory buffers) {
		String frame = "event: " + event.event() + "\ndata: " + event.data() + "\n\n";
		return buffers.wrap(frame.getBytes(StandardCharsets.UTF_8));
	}

}
