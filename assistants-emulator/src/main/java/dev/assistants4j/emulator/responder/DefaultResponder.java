package dev.assistants4j.emulator.responder;

import java.util.List;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import dev.assistants4j.model.tool.FunctionDefinition;

/**
 * The emulator's default answers: deterministic, and labelled {@value #LABEL} so that nobody takes them for a
 * model's. A run whose tools include functions first calls them, with arguments made up from each function's
 * JSON schema (see {@link ExampleArguments}): every function, or the first only when
 * {@code parallel_tool_calls} is false, or the one {@code tool_choice} names, or none when it is
 * {@code none}. Once the outputs are submitted, the answer quotes them; without functions, it echoes the
 * latest user message.
 */
public final class DefaultResponder implements Responder {

	/**
	 * The label that starts every text this responder answers.
	 */
	public static final String LABEL = "[emulator]";

	@Override
	public Mono<Reply> respond(RunContext context) {
		List<FunctionDefinition> functions = context.callableFunctions();
		if (context.toolOutputs().isEmpty() && !functions.isEmpty()) {
			boolean one = Boolean.FALSE.equals(context.run().parallelToolCalls());
			List<Reply.FunctionCall> calls = functions.stream()
				.limit(one ? 1 : functions.size())
				.map((function) -> new Reply.FunctionCall(function.name(),
						ExampleArguments.of(function.parameters(), context.lastUserText())))
				.toList();
			return Mono.just(Reply.functionCalls(calls));
		}
		return Mono.just(Reply.text(text(context)));
	}

	private static String text(RunContext context) {
		if (!context.toolOutputs().isEmpty()) {
			return LABEL + " " + context.toolOutputs()
				.stream()
				.map((output) -> output.name() + " returned " + output.output())
				.collect(Collectors.joining("; ")) + ".";
		}
		String said = context.lastUserText();
		return (said != null) ? LABEL + " You said: " + said
				: LABEL + " Hello! Add a user message to the thread and I will answer it.";
	}

}
