package org.unionhub.platform.request;

import java.util.List;

/**
 * One page of a worklist.
 *
 * @param items the requests
 * @param next the cursor of the next page, null on the last page
 */
public record WorklistPage(List<ServiceRequest> items, WorklistCursor next) {}
