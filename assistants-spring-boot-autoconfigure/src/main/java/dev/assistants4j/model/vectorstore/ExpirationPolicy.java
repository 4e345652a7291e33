package dev.assistants4j.model.vectorstore;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * When a vector store expires: a number of days after an anchor, {@code last_active_at}.
 *
 * @param anchor the time the days count from, {@code last_active_at}
 * @param days days after the anchor, 1 to 365
 */
public record ExpirationPolicy(@Nullable String anchor, @Nullable Integer days) {

	/**
	 * Expires a vector store after it has not been used for some days.
	 * @param days 1 to 365
	 * @return the policy
	 */
	public static ExpirationPolicy afterLastActive(int days) {
		Assert.isTrue(days >= 1 && days <= 365, () -> "'days' must be between 1 and 365 but was " + days);
		return new ExpirationPolicy("last_active_at", days);
	}

}
