package dev.assistants4j.model.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The file search tool ({@code type: file_search}).
 *
 * @param fileSearch optional settings overriding the server's defaults
 */
public record FileSearchTool(@JsonProperty("file_search") @Nullable FileSearchSettings fileSearch) implements Tool {

	/** Wire discriminator of this tool. */
	public static final String TYPE = "file_search";

	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

	/**
	 * Settings of the file search tool.
	 *
	 * @param maxNumResults maximum number of results, 1 to 50
	 * @param rankingOptions how results are ranked
	 */
	public record FileSearchSettings(@JsonProperty("max_num_results") @Nullable Integer maxNumResults,
			@JsonProperty("ranking_options") @Nullable RankingOptions rankingOptions) {
	}

	/**
	 * Ranking of file search results.
	 *
	 * @param ranker the ranker, such as {@code auto} or {@code default_2024_08_21}
	 * @param scoreThreshold minimum score of a result, 0 to 1
	 */
	public record RankingOptions(@Nullable String ranker,
			@JsonProperty("score_threshold") @Nullable Double scoreThreshold) {
	}

}
