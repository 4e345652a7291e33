package dev.assistants4j.model.runstep;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.PagingBuilder;

/**
 * Parameters of a list of run steps: the page size, order and cursors of every list, and the fields to
 * include that the server leaves out by default. Only the values that were set are sent.
 *
 * @param paging page size, order and cursors
 * @param include fields to include, such as {@link #FILE_SEARCH_RESULT_CONTENT}, sent as {@code include[]}
 */
public record RunStepListParams(ListParams paging, List<String> include) {

	/**
	 * The {@code include[]} value that adds the content of file search results to the steps.
	 */
	public static final String FILE_SEARCH_RESULT_CONTENT = "step_details.tool_calls[*].file_search.results[*].content";

	private static final RunStepListParams NONE = new RunStepListParams(ListParams.none(), List.of());

	/**
	 * Validates the values.
	 * @throws IllegalArgumentException if {@code paging} or {@code include} is {@code null}, or an included
	 * field is blank
	 */
	public RunStepListParams {
		Assert.notNull(paging, "'paging' must not be null");
		Assert.notNull(include, "'include' must not be null");
		include.forEach((field) -> Assert.hasText(field, "'include' must not contain blank fields"));
		include = List.copyOf(include);
	}

	/**
	 * Returns parameters that leave every value to the server.
	 * @return empty list parameters
	 */
	public static RunStepListParams none() {
		return NONE;
	}

	/**
	 * Starts building list parameters.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link RunStepListParams}.
	 */
	public static final class Builder extends PagingBuilder<Builder> {

		private final List<String> include = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Adds a field to include, such as {@link RunStepListParams#FILE_SEARCH_RESULT_CONTENT}.
		 * @param field the field
		 * @return this builder
		 */
		public Builder include(String field) {
			this.include.add(field);
			return this;
		}

		/**
		 * Builds the parameters.
		 * @return the parameters
		 * @throws IllegalArgumentException if a value is out of range or blank
		 */
		public RunStepListParams build() {
			return new RunStepListParams(buildPaging(), this.include);
		}

	}

}
