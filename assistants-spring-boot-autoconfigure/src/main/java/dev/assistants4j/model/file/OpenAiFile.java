package dev.assistants4j.model.file;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A file uploaded to the server, for the tools of assistants and threads or for other purposes.
 *
 * @param id the file's id, {@code file-...}
 * @param object always {@code file}
 * @param bytes the file's size in bytes
 * @param createdAt creation time in epoch seconds
 * @param expiresAt expiry time in epoch seconds, if the file expires
 * @param filename the name the file was uploaded with
 * @param purpose what the file is for
 * @param status deprecated by the server: {@code uploaded}, {@code processed} or {@code error}
 * @param statusDetails deprecated by the server: why a fine-tuning file failed validation
 */
public record OpenAiFile(@Nullable String id, @Nullable String object, @Nullable Long bytes,
		@JsonProperty("created_at") @Nullable Long createdAt, @JsonProperty("expires_at") @Nullable Long expiresAt,
		@Nullable String filename, @Nullable FilePurpose purpose, @Nullable String status,
		@JsonProperty("status_details") @Nullable String statusDetails) {

	/**
	 * Returns the creation time.
	 * @return the creation time, or {@code null} if the server did not send it
	 */
	public @Nullable Instant createdAtInstant() {
		return (this.createdAt != null) ? Instant.ofEpochSecond(this.createdAt) : null;
	}

	/**
	 * Returns the expiry time.
	 * @return the expiry time, or {@code null} if the file does not expire
	 */
	public @Nullable Instant expiresAtInstant() {
		return (this.expiresAt != null) ? Instant.ofEpochSecond(this.expiresAt) : null;
	}

}
