package dev.assistants4j.tool;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The {@link AssistantFunction} of {@link AssistantFunction#of}.
 */
record SimpleAssistantFunction(String name, String description, Map<String, Object> parameters,
		ToolCallHandler implementation) implements AssistantFunction {

	@Override
	public Mono<String> invoke(FunctionCall call) {
		return this.implementation.handle(call);
	}

	@Override
	public String toString() {
		return "AssistantFunction[" + this.name + "]";
	}

}
