// Creates a template, lists every template page by page, checks a template message against its
// definition and sends it.

#include <iostream>
#include <string>

#include "example_env.hpp"

int main() {
  const example::Settings s;
  if (!s.require({{example::kTokenNames, &s.token},
                  {"WHATSAPP_BUSINESS_ACCOUNT_ID", &s.waba_id},
                  {"WHATSAPP_PHONE_NUMBER_ID", &s.phone_number_id},
                  {"WHATSAPP_TO", &s.to}})) {
    return 2;
  }
  whatsapp::Client<> client(s.client_options());
  auto templates = client.templates();

  // 1. Create a utility template with two positional parameters.
  whatsapp::NewTemplate t;
  t.name = "order_shipped_example";
  t.language = "en_US";
  t.category = "UTILITY";
  t.components = {whatsapp::TemplateComponentDef::body("Your order {{1}} ships on {{2}}.")
                      .with_example(whatsapp::TemplateExample::body({"#1234", "Monday"}))};
  auto created = templates.create(s.waba_id, t);
  if (created) {
    std::cout << "created template " << created->id << " (" << created->status << ")\n";
  } else if (created.error().graph() && created.error().graph()->error_subcode == 2388024) {
    std::cout << "template " << t.name << " exists already\n";
  } else {
    return example::fail("create template", created.error());
  }

  // 2. Walk every template, two per page.
  whatsapp::TemplateFilter filter;
  filter.limit = 2;
  std::optional<whatsapp::Template> hello;
  int count = 0;
  for (auto& item : templates.list_all(s.waba_id, filter)) {
    if (!item) return example::fail("list templates", item.error());
    ++count;
    std::cout << "  " << item->name << " [" << item->language << "] " << item->status << "\n";
    if (item->name == "hello_world") hello = *item;
  }
  std::cout << "listed " << count << " templates\n";

  // 3. Send hello_world, checked against its definition first.
  const auto message = whatsapp::TemplateMessage("hello_world", "en_US");
  if (hello) {
    if (auto ok = message.validate_against(*hello); !ok) return example::fail("check template", ok.error());
    std::cout << "hello_world takes no parameters: the message matches\n";
  }
  auto sent = client.messages().send(s.phone_number_id, whatsapp::Message::template_message(s.to, message));
  if (!sent) return example::fail("send template", sent.error());
  std::cout << "sent template message " << sent->message_id() << "\n";
  return 0;
}
