package org.unionhub.platform.api;

/** Codes and messages of the HTTP errors every part of the API answers the same way. */
public final class HttpErrors {

  private HttpErrors() {}

  /**
   * @param status an HTTP status
   * @return its stable code in error bodies
   */
  public static String code(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 411 -> "LENGTH_REQUIRED";
      case 413 -> "BODY_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 500 -> "INTERNAL";
      default -> "HTTP_" + status;
    };
  }

  /**
   * @param status an HTTP status
   * @return the reason for people, in Chinese and English
   */
  public static String message(int status) {
    return switch (status) {
      case 400 -> "请求无效 (bad request)";
      case 401 -> "需要有效的访问令牌 (a valid bearer token is required)";
      case 403 -> "无权执行此操作 (not allowed)";
      case 404 -> "没有此资源 (no such resource)";
      case 405 -> "此资源不支持该方法 (method not allowed on this resource)";
      case 406 -> "只能返回 application/json (only application/json can be answered)";
      case 413 ->
          "请求体不能超过 "
              + BodyLimit.maxBytes()
              + " 字节 (the body may be at most "
              + BodyLimit.maxBytes()
              + " bytes)";
      case 415 -> "请求体应为 application/json (the body must be application/json)";
      case 500 -> "服务器内部错误 (internal error)";
      default -> "请求失败 (request failed, HTTP " + status + ")";
    };
  }
}
