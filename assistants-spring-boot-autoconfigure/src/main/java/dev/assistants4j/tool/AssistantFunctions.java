package dev.assistants4j.tool;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.tool.FunctionTool;

/**
 * The functions of an application, by name: the {@link ToolCallHandler} that dispatches each call to the
 * function it names, and the source of their {@link #tools() tool definitions} for creating an assistant. A
 * call of a function it does not hold is answered with an error output naming the functions it does hold, so
 * that the model can correct itself. The Spring Boot auto-configuration defines one from the application's
 * {@link AssistantFunction} beans.
 */
public final class AssistantFunctions implements ToolCallHandler {

	private final Map<String, AssistantFunction> functions = new LinkedHashMap<>();

	/**
	 * Creates a registry of these functions, in this order.
	 * @param functions the functions
	 * @throws IllegalArgumentException if a name is blank or two functions have the same name
	 */
	public AssistantFunctions(Collection<? extends AssistantFunction> functions) {
		Assert.notNull(functions, "'functions' must not be null");
		for (AssistantFunction function : functions) {
			Assert.notNull(function, "'functions' must not contain null elements");
			Assert.hasText(function.name(), () -> "The name of function " + function + " must not be blank");
			AssistantFunction other = this.functions.putIfAbsent(function.name(), function);
			Assert.isNull(other, () -> "Two functions are named '" + function.name() + "': " + other + " and "
					+ function + "; function names must be unique");
		}
	}

	/**
	 * Creates a registry of these functions, in this order.
	 * @param functions the functions
	 * @return the registry
	 * @throws IllegalArgumentException if a name is blank or two functions have the same name
	 */
	public static AssistantFunctions of(AssistantFunction... functions) {
		return new AssistantFunctions(List.of(functions));
	}

	/**
	 * Returns the definitions of every function, for the {@code tools} of a create-assistant or create-run
	 * request.
	 * @return the function tools, in the registry's order
	 */
	public List<FunctionTool> tools() {
		return this.functions.values().stream().map(AssistantFunction::toTool).toList();
	}

	/**
	 * Runs the function the call names.
	 * @param call the call
	 * @return the function's output, or an {@link IllegalArgumentException} error, which the loop submits as
	 * an error output, if no function has that name
	 */
	@Override
	public Mono<String> handle(FunctionCall call) {
		AssistantFunction function = this.functions.get(call.name());
		if (function == null) {
			return Mono.error(new IllegalArgumentException("There is no function named '" + call.name()
					+ "'; the functions are " + this.functions.keySet()));
		}
		return function.invoke(call);
	}

	@Override
	public String toString() {
		return "AssistantFunctions" + this.functions.keySet();
	}

}
