package dev.assistants4j.model.runstep;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.WireLists;
import dev.assistants4j.model.tool.FileSearchTool;

/**
 * A call of file search ({@code type: file_search}). Its results are sent only when the step was fetched with
 * {@code include[]=}{@value RunStepListParams#FILE_SEARCH_RESULT_CONTENT}, and their content only then too.
 *
 * @param id the call's id
 * @param fileSearch how results were ranked and the results
 */
public record FileSearchToolCall(@Nullable String id,
		@JsonProperty("file_search") @Nullable FileSearch fileSearch) implements ToolCall {

	/** Wire discriminator of this call. */
	public static final String TYPE = "file_search";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

	/**
	 * The ranking and the results of a file search.
	 *
	 * @param rankingOptions how the results were ranked
	 * @param results the results, never {@code null}
	 */
	public record FileSearch(@JsonProperty("ranking_options") FileSearchTool.@Nullable RankingOptions rankingOptions,
			List<Result> results) {

		/**
		 * Normalizes absent results to an empty list.
		 */
		public FileSearch {
			results = WireLists.copyOfNonNull(results);
		}

	}

	/**
	 * A file that file search found.
	 *
	 * @param fileId id of the file
	 * @param fileName name of the file
	 * @param score relevance, 0 to 1
	 * @param content the matching content, never {@code null}; empty unless it was included
	 */
	public record Result(@JsonProperty("file_id") @Nullable String fileId,
			@JsonProperty("file_name") @Nullable String fileName, @Nullable Double score, List<Content> content) {

		/**
		 * Normalizes absent content to an empty list.
		 */
		public Result {
			content = WireLists.copyOfNonNull(content);
		}

	}

	/**
	 * A piece of the content of a result.
	 *
	 * @param type the kind of content; {@code text} for every piece the API sends today
	 * @param text the text
	 */
	public record Content(@Nullable String type, @Nullable String text) {
	}

}
