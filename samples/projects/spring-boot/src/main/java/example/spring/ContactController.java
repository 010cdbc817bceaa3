package example.spring;

import io.krrkit.krr.KrrInvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /contacts} with {@code {"personidentifikator": "…"}}: the number goes in the body,
 * not the URL, so access logs never hold it.
 */
@RestController
class ContactController {
  private final ContactService contacts;

  ContactController(ContactService contacts) {
    this.contacts = contacts;
  }

  record ContactRequest(String personidentifikator) {}

  @PostMapping("/contacts")
  ContactService.Contact contact(@RequestBody ContactRequest request) {
    return contacts.contact(request.personidentifikator());
  }

  // The client refuses a malformed number before any request; its message never holds the number.
  @ExceptionHandler(KrrInvalidInputException.class)
  ProblemDetail invalid(KrrInvalidInputException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }
}
