package dev.assistants4j.tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;

/**
 * A function an assistant may call: its definition, which the model reads, and its implementation. In a
 * Spring Boot application, declare each as a bean: the auto-configuration collects them into an
 * {@link AssistantFunctions} bean, which is the application's {@link ToolCallHandler} and lists their
 * {@link #toTool() tool definitions} for creating the assistant.
 */
public interface AssistantFunction {

	/**
	 * Returns the function's name, unique among the functions of an application; the API accepts letters,
	 * digits, underscores and dashes, at most 64.
	 * @return the name
	 */
	String name();

	/**
	 * Returns what the function does, which the model reads to decide when to call it.
	 * @return the description
	 */
	String description();

	/**
	 * Returns the JSON schema of the function's arguments, such as
	 * {@code {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}.
	 * @return the schema as nested maps and lists
	 */
	Map<String, Object> parameters();

	/**
	 * Runs the function.
	 * @param call the call, whose {@link FunctionCall#argumentsAsMap() arguments} follow the schema of
	 * {@link #parameters()} as the model understood it
	 * @return the output the model reads, usually JSON text; an error becomes an {@code {"error":"..."}}
	 * output unless it is a {@link ToolCallAbortException}
	 */
	Mono<String> invoke(FunctionCall call);

	/**
	 * Returns the definition of this function for a create-assistant or create-run request.
	 * @return the function tool
	 */
	default FunctionTool toTool() {
		return Tool.function(name(), description(), parameters());
	}

	/**
	 * Creates a function from its definition and an implementation.
	 * @param name the function's name
	 * @param description what the function does
	 * @param parameters the JSON schema of its arguments
	 * @param implementation runs the function
	 * @return the function
	 * @throws IllegalArgumentException if the name is blank or an argument is {@code null}
	 */
	static AssistantFunction of(String name, String description, Map<String, Object> parameters,
			ToolCallHandler implementation) {
		Assert.hasText(name, "'name' must not be blank");
		Assert.notNull(description, "'description' must not be null");
		Assert.notNull(parameters, "'parameters' must not be null");
		Assert.notNull(implementation, "'implementation' must not be null");
		return new SimpleAssistantFunction(name, description,
				Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), implementation);
	}

}
