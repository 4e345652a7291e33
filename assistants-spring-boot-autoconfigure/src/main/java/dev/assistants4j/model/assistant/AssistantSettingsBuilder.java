package dev.assistants4j.model.assistant;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.MetadataBuilder;
import dev.assistants4j.model.tool.Tool;

/**
 * The settings an assistant has and a run can override for itself: model, instructions, tools, sampling and
 * response format. Base of the builders of assistant requests and of requests that start a run. Only the
 * values that were set are sent.
 *
 * @param <B> the type of the concrete builder
 */
public abstract class AssistantSettingsBuilder<B extends AssistantSettingsBuilder<B>> extends MetadataBuilder<B> {

	/** The model id, or {@code null} if not set. */
	protected @Nullable String model;

	/** The system instructions, or {@code null} if not set. */
	protected @Nullable String instructions;

	/** The sampling temperature, or {@code null} if not set. */
	protected @Nullable Double temperature;

	/** The nucleus sampling mass, or {@code null} if not set. */
	protected @Nullable Double topP;

	/** The format of answers, or {@code null} if not set. */
	protected @Nullable ResponseFormat responseFormat;

	private @Nullable List<Tool> tools;

	/**
	 * Creates a builder with no setting set.
	 */
	protected AssistantSettingsBuilder() {
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
	 * Sets {@code instructions}.
	 * @param instructions the system instructions, at most 256,000 characters
	 * @return this builder
	 */
	public B instructions(String instructions) {
		this.instructions = instructions;
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

	/**
	 * Returns this builder as its concrete type, for the setters of subclasses.
	 * @return this builder
	 */
	@SuppressWarnings("unchecked")
	protected final B self() {
		return (B) this;
	}

	/**
	 * Returns the tools set so far, for the request being built.
	 * @return an unmodifiable copy, or {@code null} if no tools were set
	 */
	protected @Nullable List<Tool> buildTools() {
		return (this.tools != null) ? List.copyOf(this.tools) : null;
	}

}
