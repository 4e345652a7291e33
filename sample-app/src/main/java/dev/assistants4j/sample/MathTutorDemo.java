package dev.assistants4j.sample;

import reactor.core.publisher.Mono;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.tool.Tool;

/**
 * The math tutor of the original connector: an assistant with the code interpreter, a thread with one
 * question, a run polled to its end, and the thread's messages listed for the answer.
 */
final class MathTutorDemo implements Demo {

	private final AssistantsClient client;

	private final String model;

	MathTutorDemo(AssistantsClient client, String model) {
		this.client = client;
		this.model = model;
	}

	@Override
	public String name() {
		return "math-tutor";
	}

	@Override
	public String question() {
		return "I need to solve the equation `3x + 11 = 14`. Can you help me?";
	}

	@Override
	public Mono<String> answer() {
		CreateAssistantRequest tutor = CreateAssistantRequest.builder(this.model)
			.name("Math Tutor")
			.instructions("You are a personal math tutor. Write and run code to answer math questions.")
			.addTool(Tool.codeInterpreter())
			.build();
		return Conversation.ask(this.client, tutor, question(), (threadId, assistantId) -> this.client.runs()
			.createAndPoll(threadId, CreateRunRequest.builder(assistantId)
				.instructions("Please address the user as Jane Doe. The user has a premium account.")
				.build()));
	}

}
