declare interface IBridgekitWebPartStrings {
  PropertyPaneDescription: string;
  WidgetGroupName: string;
  ConnectionGroupName: string;
  WidgetFieldLabel: string;
  WidgetIdeaBoard: string;
  WidgetIdeaRoadmap: string;
  WidgetIdeaTriage: string;
  WidgetThread: string;
  WidgetCommentCount: string;
  WidgetPracticeCard: string;
  WidgetPracticeLibrary: string;
  WidgetModeration: string;
  BoardFieldLabel: string;
  BoardFieldDescription: string;
  ThreadKeyFieldLabel: string;
  ThreadKeyFieldDescription: string;
  CardFieldLabel: string;
  CardFieldDescription: string;
  PracticeAreaFieldLabel: string;
  PracticeAreaFieldDescription: string;
  CardDiscussionFieldLabel: string;
  ApiUrlFieldLabel: string;
  ApiUrlFieldDescription: string;
  ApiUrlInvalid: string;
  TenantFieldLabel: string;
  TenantFieldDescription: string;
  ResourceFieldLabel: string;
  ResourceFieldDescription: string;
  SetupHeading: string;
  SetupMissing: string;
  SetupOpenSettings: string;
  SetupReaderNotice: string;
  TokenConsent: string;
  TokenResource: string;
  TokenNotAssigned: string;
  TokenInteraction: string;
  TokenUnavailable: string;
  LoadFailed: string;
}

declare module 'BridgekitWebPartStrings' {
  const strings: IBridgekitWebPartStrings;
  export = strings;
}
