package dev.assistants4j.model.assistant;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.tool.ToolResources;

/**
 * The settings an assistant request can carry, shared by the create and the modify builders: those a run can
 * override too, and the assistant's own name, description, reasoning effort and tool resources. Only the values
 * that were set are sent.
 *
 * @param <B> the type of the concrete builder
 */
public abstract sealed class AssistantRequestBuilder<B extends AssistantRequestBuilder<B>>
		extends AssistantSettingsBuilder<B> permits CreateAssistantRequest.Builder, ModifyAssistantRequest.Builder {

	@Nullable String name;

	@Nullable String description;

	@Nullable ReasoningEffort reasoningEffort;

	@Nullable ToolResources toolResources;

	AssistantRequestBuilder() {
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
	 * Sets {@code reasoning_effort}.
	 * @param reasoningEffort reasoning effort for reasoning models
	 * @return this builder
	 */
	public B reasoningEffort(ReasoningEffort reasoningEffort) {
		this.reasoningEffort = reasoningEffort;
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

}
