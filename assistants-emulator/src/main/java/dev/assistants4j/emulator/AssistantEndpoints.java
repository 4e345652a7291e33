package dev.assistants4j.emulator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.assistant.ModifyAssistantRequest;
import dev.assistants4j.model.assistant.ResponseFormat;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The assistants endpoints. An assistant never changes but by a modify request, so the stored object is
 * replaced whole.
 */
final class AssistantEndpoints {

	private static final String PREFIX = "asst_";

	private static final String ASSISTANT_ID = "assistant_id";

	private final EmulatorState state;

	private final WireJson json;

	private final EmulatorSettings settings;

	AssistantEndpoints(EmulatorState state, WireJson json, EmulatorSettings settings) {
		this.state = state;
		this.json = json;
		this.settings = settings;
	}

	RouterFunction<ServerResponse> routes() {
		return route().POST("/assistants", this::create)
			.GET("/assistants", this::list)
			.GET("/assistants/{assistant_id}", this::retrieve)
			.POST("/assistants/{assistant_id}", this::modify)
			.DELETE("/assistants/{assistant_id}", this::delete)
			.build();
	}

	private Mono<ServerResponse> create(ServerRequest request) {
		return this.json.read(request, CreateAssistantRequest.class).flatMap((body) -> {
			ToolRules.check(body.tools());
			String id = Ids.next(PREFIX);
			Assistant assistant = new Assistant(id, "assistant", this.settings.now(), body.name(), body.description(),
					body.model(), body.instructions(), (body.tools() != null) ? body.tools() : List.of(),
					body.toolResources(), (body.metadata() != null) ? body.metadata() : Map.of(),
					either(body.temperature(), 1.0), either(body.topP(), 1.0),
					either(body.responseFormat(), ResponseFormat.auto()), body.reasoningEffort());
			return this.json.ok(this.state.assistants.add(id, assistant));
		});
	}

	private Mono<ServerResponse> list(ServerRequest request) {
		return this.json.ok(this.state.assistants.page(ListQuery.of(request), (assistant) -> true, (a) -> a));
	}

	private Mono<ServerResponse> retrieve(ServerRequest request) {
		return this.json.ok(this.state.assistant(request.pathVariable(ASSISTANT_ID)));
	}

	private Mono<ServerResponse> modify(ServerRequest request) {
		String id = request.pathVariable(ASSISTANT_ID);
		this.state.assistant(id);
		return this.json.read(request, ModifyAssistantRequest.class).flatMap((body) -> {
			ToolRules.check(body.tools());
			return this.json.ok(this.state.assistants.update(id, (current) -> modified(current, body),
					() -> WireError.notFound("assistant", id)));
		});
	}

	private static Assistant modified(Assistant current, ModifyAssistantRequest body) {
		return new Assistant(current.id(), current.object(), current.createdAt(),
				either(body.name(), current.name()), either(body.description(), current.description()),
				either(body.model(), current.model()), either(body.instructions(), current.instructions()),
				either(body.tools(), current.tools()), either(body.toolResources(), current.toolResources()),
				either(body.metadata(), current.metadata()), either(body.temperature(), current.temperature()),
				either(body.topP(), current.topP()), either(body.responseFormat(), current.responseFormat()),
				either(body.reasoningEffort(), current.reasoningEffort()));
	}

	private Mono<ServerResponse> delete(ServerRequest request) {
		String id = request.pathVariable(ASSISTANT_ID);
		if (this.state.assistants.remove(id) == null) {
			throw WireError.notFound("assistant", id);
		}
		return this.json.ok(new DeletionStatus(id, "assistant.deleted", true));
	}

	private static <T> @Nullable T either(@Nullable T value, @Nullable T otherwise) {
		return (value != null) ? value : otherwise;
	}

}
