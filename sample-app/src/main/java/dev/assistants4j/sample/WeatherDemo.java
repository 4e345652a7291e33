package dev.assistants4j.sample;

import reactor.core.publisher.Mono;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.tool.AssistantFunctions;

/**
 * The weather assistant of the original connector: an assistant with the application's function tools (here
 * {@code get_weather}), a run whose function calls the tool loop answers until it completes, and the thread's
 * messages listed for the answer.
 */
final class WeatherDemo implements Demo {

	private final AssistantsClient client;

	private final String model;

	private final AssistantFunctions functions;

	WeatherDemo(AssistantsClient client, String model, AssistantFunctions functions) {
		this.client = client;
		this.model = model;
		this.functions = functions;
	}

	@Override
	public String name() {
		return "weather";
	}

	@Override
	public String question() {
		return "What's the weather like in Paris today?";
	}

	@Override
	public Mono<String> answer() {
		CreateAssistantRequest forecaster = CreateAssistantRequest.builder(this.model)
			.name("Weather Bot")
			.instructions("You are a weather bot. Use the provided functions to answer questions.")
			.tools(this.functions.tools())
			.build();
		return Conversation.ask(this.client, forecaster, question(), (threadId, assistantId) -> this.client.runs()
			.createAndPoll(threadId, CreateRunRequest.builder(assistantId).build(), this.functions));
	}

}
