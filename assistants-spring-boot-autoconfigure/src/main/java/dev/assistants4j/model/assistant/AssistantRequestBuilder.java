package dev.assistants4j.model.assistant;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.MetadataBuilder;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.tool.ToolResources;

/**
 * The settings an assistant request can carry, shared by the create and the modify builders. Only the values
 * that were set are sent.
 *
 * @param <B> the type of the concrete builder
 */
public abstract sealed class AssistantRequestBuilder<B extends AssistantRequestBuilder<B>> extends MetadataBuilder<B>
		permits CreateAssistantRequest.Builder, ModifyAssistantRequest.Builder {

	@Nullable String model;

	@Nullable String name;

	@Nullable String description;

	@Nullable String instructions;

	@Nullable ReasoningEffort reasoningEffort;

	@Nullable List<Tool> tools;

	@Nullable ToolResources toolResources;

	@Nullable Double temperature;

	@Nullable Double topP;

	@Nullable ResponseFormat responseFormat;

	AssistantRequestBuilder() {
	}

	/**
	 * Sets {@code model}.
	 * @param model the model id, such as {@code gpt-4o}
	 * @return this builder
	 */
	public B model(String model) {
		this.model = model;
		return self();
	}

	/**
	 * Sets {@code name}.
	 * @param name the assistant's name, at most 256 characters
	 * @return this builder
	 */
	public B name(String name) {
		this.name = name;
		return self();
	}

	/**
	 * Sets {@code description}.
	 * @param description the assistant's description, at most 512 characters
	 * @return this builder
	 */
	public B description(String description) {
		this.description = description;
		return self();
	}

	/**
	 * Sets {@code instructions}.
	 * @param instructions the system instructions, at most 256,000 characters
	 * @return this builder
	 */
	public B instructions(String instructions) {
		this.instructions = instructions;
		return self();
	}

	/**
	 * Sets {@code reasoning_effort}.
	 * @param reasoningEffort reasoning effort for reasoning models
	 * @return this builder
	 */
	public B reasoningEffort(ReasoningEffort reasoningEffort) {
		this.reasoningEffort = reasoningEffort;
		return self();
	}

	/**
	 * Sets the tools, replacing any set before.
	 * @param tools the tools to enable
	 * @return this builder
	 */
	public B tools(List<? extends Tool> tools) {
		Assert.notNull(tools, "'tools' must not be null");
		this.tools = new ArrayList<>(tools);
		return self();
	}

	/**
	 * Adds a tool.
	 * @param tool the tool to enable
	 * @return this builder
	 */
	public B addTool(Tool tool) {
		Assert.notNull(tool, "'tool' must not be null");
		if (this.tools == null) {
			this.tools = new ArrayList<>();
		}
		this.tools.add(tool);
		return self();
	}

	/**
	 * Sets {@code tool_resources}.
	 * @param toolResources resources of the tools
	 * @return this builder
	 */
	public B toolResources(ToolResources toolResources) {
		this.toolResources = toolResources;
		return self();
	}

	/**
	 * Sets {@code temperature}.
	 * @param temperature sampling temperature, 0 to 2
	 * @return this builder
	 */
	public B temperature(double temperature) {
		this.temperature = temperature;
		return self();
	}

	/**
	 * Sets {@code top_p}.
	 * @param topP nucleus sampling mass, 0 to 1
	 * @return this builder
	 */
	public B topP(double topP) {
		this.topP = topP;
		return self();
	}

	/**
	 * Sets {@code response_format}.
	 * @param responseFormat the format of answers
	 * @return this builder
	 */
	public B responseFormat(ResponseFormat responseFormat) {
		this.responseFormat = responseFormat;
		return self();
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	/**
	 * Returns the tools set so far.
	 */
	@Nullable List<Tool> buildTools() {
		return (this.tools != null) ? List.copyOf(this.tools) : null;
	}

}
