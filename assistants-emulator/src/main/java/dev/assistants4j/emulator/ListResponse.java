package dev.assistants4j.emulator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list as the service writes it; unlike the client's {@code Page}, it carries
 * {@code "object": "list"}.
 */
record ListResponse<T>(String object, List<T> data, @JsonProperty("first_id") @Nullable String firstId,
		@JsonProperty("last_id") @Nullable String lastId, @JsonProperty("has_more") boolean hasMore) {

	ListResponse(List<T> data, @Nullable String firstId, @Nullable String lastId, boolean hasMore) {
		this("list", data, firstId, lastId, hasMore);
	}

}
